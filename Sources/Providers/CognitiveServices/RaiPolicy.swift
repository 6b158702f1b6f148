import ARMCore
import Foundation
import JSON

/// A content filter of an account (`Microsoft.CognitiveServices/accounts/raiPolicies`, the REST
/// spec's `RaiPolicy`): a user-managed policy validated from a PUT body, or one of the
/// system-managed built-ins every account has, served from code and never stored
/// (docs/azure-behaviours.md "Content filters (raiPolicies)").
struct RaiPolicy {
    static let builtInNames = ["Microsoft.Default", "Microsoft.DefaultV2"]
    static let modes = ["Default", "Deferred", "Blocking", "Asynchronous_filter"]

    let body: JSONObject

    init(id: ResourceID, input: JSONObject, existing: StoredResource?, caller: Caller?, date: Date) throws {
        var properties = input["properties"]?.objectValue ?? JSONObject()
        properties["type"] = "UserManaged"
        if let mode = properties["mode"] {
            guard let text = mode.stringValue, let canonical = Self.modes.first(where: { $0.lowercased() == text.lowercased() }) else {
                throw ARMError.invalidResourceProperties(
                    "The RAI policy mode '\(mode)' is invalid. Valid values are \(Self.modes.joined(separator: ", ")).")
            }
            properties["mode"] = .string(canonical)
        } else {
            properties["mode"] = "Default"
        }
        properties["basePolicyName"] = properties["basePolicyName"] ?? "Microsoft.DefaultV2"
        if let filters = properties["contentFilters"], filters.arrayValue == nil {
            throw ARMError.invalidResourceProperties("The RAI policy property 'contentFilters' must be an array.")
        }
        var body = JSONObject([
            ("id", .string(id.description)), ("name", .string(id.name)), ("type", .string(CognitiveServicesProvider.raiPolicyType)),
        ])
        if let tags = input.value(forKeyIgnoringCase: "tags"), tags != .null { body["tags"] = .object(try TagRules.validate(tags)) }
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: existing?.body["systemData"]))
        body["properties"] = .object(properties)
        self.body = body
    }

    /// The built-in policy of this name, in its own spelling, if it is one.
    static func builtInName(_ name: String) -> String? {
        builtInNames.first { $0.lowercased() == name.lowercased() }
    }

    /// A user policy's name: not a built-in's (those cannot be changed), letters, digits, `_`, `.`
    /// or `-` (up to 260), starting with a letter or digit.
    static func checkName(_ name: String) throws {
        if builtInName(name) != nil { throw ARMError.raiPolicySystemManaged(name) }
        guard CognitiveServicesProvider.isValidName(name, maximum: 260) else {
            throw ARMError.invalidChildName(
                name, kind: "RAI policy", rule: "It must be letters, digits, '_', '.' or '-', starting with a letter or digit.")
        }
    }

    /// The built-ins' filters follow the spec example GetRaiPolicy.json; DefaultV2 adds jailbreak
    /// and protected-material filters.
    static func builtIn(_ name: String, account: ResourceID) -> JSONValue {
        var filters: [JSONValue] = []
        for category in ["Hate", "Sexual", "Selfharm", "Violence"] {
            for source in ["Prompt", "Completion"] {
                filters.append([
                    "name": .string(category), "severityThreshold": "Medium", "blocking": true, "enabled": true, "source": .string(source),
                ])
            }
        }
        if name == "Microsoft.DefaultV2" {
            filters.append(["name": "Jailbreak", "blocking": true, "enabled": true, "source": "Prompt"])
            filters.append(["name": "Protected Material Text", "blocking": true, "enabled": true, "source": "Completion"])
            filters.append(["name": "Protected Material Code", "blocking": false, "enabled": true, "source": "Completion"])
        }
        return .object(
            JSONObject([
                ("id", .string(account.child(type: "raiPolicies", name: name).description)),
                ("name", .string(name)),
                ("type", .string(CognitiveServicesProvider.raiPolicyType)),
                (
                    "etag",
                    .string(
                        "\""
                            + (name == "Microsoft.Default"
                                ? "00000000-0000-0000-0000-000000000001" : "00000000-0000-0000-0000-000000000002") + "\"")
                ),
                (
                    "systemData",
                    [
                        "createdBy": "Microsoft", "createdByType": "Application", "createdAt": "2024-01-01T00:00:00.0000000Z",
                        "lastModifiedBy": "Microsoft", "lastModifiedByType": "Application",
                        "lastModifiedAt": "2024-01-01T00:00:00.0000000Z",
                    ]
                ),
                (
                    "properties",
                    .object(
                        JSONObject([
                            ("type", "SystemManaged"), ("mode", name == "Microsoft.Default" ? "Blocking" : "Asynchronous_filter"),
                            ("contentFilters", .array(filters)),
                        ]))
                ),
            ]))
    }
}
