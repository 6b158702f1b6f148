import ARMCore
import EmulatorHTTP
import JSON

/// Content filters (docs/azure-behaviours.md "Content filters (raiPolicies)"): every account has the system-managed `Microsoft.Default`
/// and `Microsoft.DefaultV2`, served from code and never stored, so they cannot be changed or
/// deleted (400, EMULATOR CHOICE where the reference has [GAP]). PUT answers 200/201; DELETE 204
/// (the SDK accepts only 202/204).
extension CognitiveServicesProvider {
    static let builtInRaiPolicies = ["Microsoft.Default", "Microsoft.DefaultV2"]

    var raiPolicyRoutes: [Route] {
        let collection = Self.accountPattern + "/raiPolicies"
        let item = collection + "/{raiPolicyName}"
        let read = "Microsoft.CognitiveServices/accounts/raiPolicies/read"
        let write = "Microsoft.CognitiveServices/accounts/raiPolicies/write"
        return [
            Route("GET", collection, operationID: "RaiPolicies_List", action: read) { request, parameters in
                let account = try requireParentAccount(request, childType: Self.raiPolicyType, operation: "read")
                var entries: [(String, JSONValue)] = Self.builtInRaiPolicies.map {
                    ($0.lowercased(), Self.builtInRaiPolicy($0, account: account.id))
                }
                entries += store.children(of: account.id, type: Self.raiPolicyType).map { ($0.id.name.lowercased(), .object($0.body)) }
                return try Pager(request: request).list(entries.sorted { $0.0 < $1.0 }, key: { $0.0 }) { $0.1 }
            },
            Route("GET", item, operationID: "RaiPolicies_Get", action: read) { request, parameters in
                let account = try requireParentAccount(request, childType: Self.raiPolicyType, operation: "read")
                let name = parameters.required("raiPolicyName")
                if let builtIn = Self.builtInRaiPolicies.first(where: { $0.lowercased() == name.lowercased() }) {
                    return .ok(Self.builtInRaiPolicy(builtIn, account: account.id))
                }
                return .ok(.object(try store.require(account.id.child(type: "raiPolicies", name: name)).body))
            },
            Route("PUT", item, operationID: "RaiPolicies_CreateOrUpdate", action: write) { request, parameters in
                try createRaiPolicy(request, parameters)
            },
            Route("DELETE", item, operationID: "RaiPolicies_Delete", action: "Microsoft.CognitiveServices/accounts/raiPolicies/delete") {
                request, parameters in
                let account = try requireParentAccount(request, childType: Self.raiPolicyType, operation: "delete")
                let name = parameters.required("raiPolicyName")
                if Self.builtInRaiPolicies.contains(where: { $0.lowercased() == name.lowercased() }) {
                    throw ARMError.raiPolicySystemManaged(name)
                }
                let id = account.id.child(type: "raiPolicies", name: name)
                if let existing = store.get(id) {
                    try request.precondition?.check(existing)
                    try store.delete(id)
                }
                return .noContent
            },
        ]
    }

    /// A deployment's `raiPolicyName` must name a built-in or a policy of the account.
    func requireRaiPolicy(_ name: String, account: ResourceID) throws {
        if Self.builtInRaiPolicies.contains(where: { $0.lowercased() == name.lowercased() }) { return }
        guard store.contains(account.child(type: "raiPolicies", name: name)) else { throw ARMError.raiPolicyNotFound(name) }
    }

    func createRaiPolicy(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let account = try requireParentAccount(request, childType: Self.raiPolicyType, operation: "write")
        let name = parameters.required("raiPolicyName")
        if Self.builtInRaiPolicies.contains(where: { $0.lowercased() == name.lowercased() }) { throw ARMError.raiPolicySystemManaged(name) }
        guard Self.isValidName(name, maximum: 260) else {
            throw ARMError.invalidChildName(
                name, kind: "RAI policy", rule: "It must be letters, digits, '_', '.' or '-', starting with a letter or digit.")
        }
        let input = try request.jsonBody()
        let id = account.id.child(type: "raiPolicies", name: name)
        var properties = input["properties"]?.objectValue ?? JSONObject()
        properties["type"] = "UserManaged"
        if let mode = properties["mode"] {
            let modes = ["Default", "Deferred", "Blocking", "Asynchronous_filter"]
            guard let text = mode.stringValue, let canonical = modes.first(where: { $0.lowercased() == text.lowercased() }) else {
                throw ARMError.invalidResourceProperties(
                    "The RAI policy mode '\(mode)' is invalid. Valid values are \(modes.joined(separator: ", ")).")
            }
            properties["mode"] = .string(canonical)
        } else {
            properties["mode"] = "Default"
        }
        properties["basePolicyName"] = properties["basePolicyName"] ?? "Microsoft.DefaultV2"
        if let filters = properties["contentFilters"], filters.arrayValue == nil {
            throw ARMError.invalidResourceProperties("The RAI policy property 'contentFilters' must be an array.")
        }
        let existing = store.get(id)
        var body = JSONObject([("id", .string(id.description)), ("name", .string(name)), ("type", .string(Self.raiPolicyType))])
        if let tags = input.value(forKeyIgnoringCase: "tags"), tags != .null { body["tags"] = .object(try TagRules.validate(tags)) }
        body["systemData"] = .object(SystemData.make(caller: request.caller, at: now(), previous: existing?.body["systemData"]))
        body["properties"] = .object(properties)
        let write = try store.put(id, body: body, precondition: request.precondition)
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }

    /// The built-ins' filters follow the spec example GetRaiPolicy.json; DefaultV2 adds jailbreak
    /// and protected-material filters.
    static func builtInRaiPolicy(_ name: String, account: ResourceID) -> JSONValue {
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
                ("type", .string(raiPolicyType)),
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
