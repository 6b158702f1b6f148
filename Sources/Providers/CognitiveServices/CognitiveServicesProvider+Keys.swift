import ARMCore
import JSON

/// Account keys (docs/azure-behaviours.md "Accounts: keys"): two opaque keys kept in the account's private state;
/// regenerating one leaves the other alone.
extension CognitiveServicesProvider {
    var keyRoutes: [Route] {
        [
            Route(
                "POST", Self.accountPattern + "/listKeys", operationID: "Accounts_ListKeys",
                action: "Microsoft.CognitiveServices/accounts/listKeys/action"
            ) { request, parameters in
                let account = try store.require(request.resourceID)
                try Self.checkLocalAuth(account, operation: "list")
                return .ok(Self.keysJSON(account))
            },
            Route(
                "POST", Self.accountPattern + "/regenerateKey", operationID: "Accounts_RegenerateKey",
                action: "Microsoft.CognitiveServices/accounts/regenerateKey/action"
            ) { request, parameters in
                try regenerateKey(request, parameters)
            },
        ]
    }

    static func keysJSON(_ account: StoredResource) -> JSONValue {
        ["key1": account.privateState["key1"] ?? "", "key2": account.privateState["key2"] ?? ""]
    }

    /// With `disableLocalAuth` keys are refused: the service answers 400 "Failed to list key.
    /// disableLocalAuth is set to be true" (undocumented by Azure, docs/azure-behaviours.md "Accounts: keys").
    static func checkLocalAuth(_ account: StoredResource, operation: String) throws {
        if account.body["properties"]?["disableLocalAuth"]?.boolValue == true {
            throw ARMError.localAuthDisabled(operation: operation)
        }
    }

    func regenerateKey(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let input = try request.jsonBody()
        let id = request.resourceID
        try Self.checkLocalAuth(try store.require(id), operation: "regenerate")
        guard let keyName = input["keyName"]?.stringValue else { throw ARMError.invalidKeyName(input["keyName"]?.description ?? "") }
        // Key1/Key2 accepted in any casing (docs/azure-behaviours.md "Accounts: keys").
        let slot: String
        switch keyName.lowercased() {
        case "key1": slot = "key1"
        case "key2": slot = "key2"
        default: throw ARMError.invalidKeyName(keyName)
        }
        let updated = try store.updateResource(id) { resource in
            try Self.checkLocalAuth(resource, operation: "regenerate")
            resource.privateState[slot] = .string(AccountKey.generate(at: now()))
        }
        return .ok(Self.keysJSON(updated))
    }
}
