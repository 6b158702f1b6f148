import ARMCore
import Foundation
import JSON

/// A Foundry project of an account (`Microsoft.CognitiveServices/accounts/projects`, the REST
/// spec's `Project`), validated from a PUT body, the project it replaces and its account
/// (docs/azure-behaviours.md "Foundry projects"). `name` is `{account}/{project}`, as the real
/// service answers.
struct Project {
    let body: JSONObject
    let isDefault: Bool

    /// `isFirst`: the account has no other project, so a new one becomes the default.
    init(
        id: ResourceID, input: JSONObject, existing: StoredResource?, account: StoredResource, isFirst: Bool,
        provisioningState: JSONValue, caller: Caller?, date: Date
    ) throws {
        let accountLocation = account.body["location"]?.stringValue ?? ""
        if let location = input.value(forKeyIgnoringCase: "location")?.stringValue, AzureRegion.normalize(location) != accountLocation {
            throw ARMError.projectLocationMismatch(location, account: accountLocation)
        }
        isDefault = existing?.body["properties"]?["isDefault"]?.boolValue ?? isFirst
        // Foundry projects run with a managed identity; SystemAssigned when none is asked for (EMULATOR CHOICE).
        let identity = try ManagedServiceIdentity.build(
            input["identity"] ?? existing?.body["identity"] ?? ["type": "SystemAssigned"], previous: existing?.body["identity"],
            tenantID: caller?.tenantId)
        var properties = JSONObject()
        properties["provisioningState"] = provisioningState
        for key in ["displayName", "description"] {
            if let value = input["properties"]?[key] {
                guard value.stringValue != nil || value == .null else {
                    throw ARMError.invalidResourceProperties("The property '\(key)' must be a string.")
                }
                properties[key] = value
            }
        }
        properties["isDefault"] = .bool(isDefault)
        properties["internalId"] = existing?.body["properties"]?["internalId"] ?? .string(CognitiveServicesProvider.newHexKey())
        var body = JSONObject([
            ("id", .string(id.description)),
            ("name", .string("\(account.id.name)/\(id.name)")),
            ("type", .string(CognitiveServicesProvider.projectType)),
            ("location", .string(accountLocation)),
            ("kind", "AIServices"),
        ])
        if let identity { body["identity"] = identity }
        body["tags"] = .object(try TagRules.validate(input.value(forKeyIgnoringCase: "tags")))
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: existing?.body["systemData"]))
        body["properties"] = .object(properties)
        self.body = body
    }

    /// A PATCH: `displayName` and `description` (null removes), `tags` (already validated) and
    /// `identity` when given.
    static func update(_ body: inout JSONObject, with input: JSONObject, tags: JSONObject?, caller: Caller?, date: Date) throws {
        if let patch = input["properties"]?.objectValue {
            for key in ["displayName", "description"] {
                if let value = patch[key] { body["properties"]?[key] = value == .null ? nil : value }
            }
        }
        if let tags { body["tags"] = .object(tags) }
        if let identity = input["identity"] {
            body["identity"] = try ManagedServiceIdentity.build(identity, previous: body["identity"], tenantID: caller?.tenantId)
        }
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: body["systemData"]))
    }

    /// Project names: 2-64 letters, digits, `_`, `.` or `-`, starting with a letter or digit.
    static func checkName(_ name: String) throws {
        guard CognitiveServicesProvider.isValidName(name, minimum: 2) else {
            throw ARMError.invalidChildName(
                name, kind: "project", rule: "It must be 2 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit.")
        }
    }

    /// The account's `associatedProjects` with `name` (once), and `defaultProject` when it is the default.
    static func associate(_ name: String, isDefault: Bool, in accountBody: inout JSONObject) {
        var properties = accountBody["properties"]?.objectValue ?? JSONObject()
        var associated = properties["associatedProjects"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if !associated.contains(where: { $0.lowercased() == name.lowercased() }) { associated.append(name) }
        properties["associatedProjects"] = .array(associated.map(JSONValue.string))
        if isDefault { properties["defaultProject"] = .string(name) }
        accountBody["properties"] = .object(properties)
    }

    /// The account's `associatedProjects` without `name`, and no `defaultProject` if it was that one.
    static func dissociate(_ name: String, in accountBody: inout JSONObject) {
        var properties = accountBody["properties"]?.objectValue ?? JSONObject()
        let associated = properties["associatedProjects"]?.arrayValue?.compactMap(\.stringValue) ?? []
        properties["associatedProjects"] = .array(associated.filter { $0.lowercased() != name.lowercased() }.map(JSONValue.string))
        if properties["defaultProject"]?.stringValue?.lowercased() == name.lowercased() { properties["defaultProject"] = nil }
        accountBody["properties"] = .object(properties)
    }

    /// The body with `properties.endpoints` for the origin the client used.
    static func render(_ body: JSONObject, account: StoredResource, baseURL: String) -> JSONValue {
        var body = body
        let projectName = body["name"]?.stringValue?.split(separator: "/").last.map(String.init) ?? ""
        body["properties"]?["endpoints"] = [
            "AI Foundry API": .string(
                Endpoints.project(
                    baseURL: baseURL, account: account.id.name,
                    subdomain: account.body["properties"]?["customSubDomainName"]?.stringValue, project: projectName))
        ]
        return .object(body)
    }
}
