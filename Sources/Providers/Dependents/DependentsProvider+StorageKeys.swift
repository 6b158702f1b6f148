import ARMCore

/// `listKeys` and `regenerateKey` on storage accounts (`az storage account keys list/renew`).
extension DependentsProvider {
    var storageKeyRoutes: [Route] {
        let account = Self.resourceGroupPattern + "/providers/Microsoft.Storage/storageAccounts/{resourceName}"
        return [
            Route(
                "POST", account + "/listKeys", operationID: "StorageAccounts_ListKeys",
                action: "Microsoft.Storage/storageAccounts/listkeys/action"
            ) { request, parameters in
                let id = request.resourceID
                let date = now()
                // Written once, so two calls agree even for an account that had none stored.
                let write = try store.upsert(id) { existing in
                    guard let existing else { throw ARMError.resourceNotFound(id) }
                    var state = existing.privateState
                    state["keys"] = .array(StorageAccountKeys.keys(in: state, at: date))
                    return (existing.body, state)
                }
                return .ok(["keys": .array(write.resource.privateState["keys"]?.arrayValue ?? [])])
            },
            Route(
                "POST", account + "/regenerateKey", operationID: "StorageAccounts_RegenerateKey",
                action: "Microsoft.Storage/storageAccounts/regeneratekey/action"
            ) { request, parameters in
                let keyName = try request.jsonBody()["keyName"]?.stringValue ?? ""
                guard StorageAccountKeys.names.contains(keyName.lowercased()) else { throw ARMError.storageInvalidKeyName(keyName) }
                let id = request.resourceID
                let date = now()
                let write = try store.upsert(id) { existing in
                    guard let existing else { throw ARMError.resourceNotFound(id) }
                    var state = existing.privateState
                    state["keys"] = .array(
                        StorageAccountKeys.keys(in: state, at: date).map { key in
                            key["keyName"]?.stringValue == keyName.lowercased()
                                ? StorageAccountKeys.key(keyName.lowercased(), at: date) : key
                        })
                    return (existing.body, state)
                }
                return .ok(["keys": .array(write.resource.privateState["keys"]?.arrayValue ?? [])])
            },
        ]
    }
}
