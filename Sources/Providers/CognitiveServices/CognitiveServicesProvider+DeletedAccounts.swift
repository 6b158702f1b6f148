import ARMCore

/// Soft-deleted accounts (docs/azure-behaviours.md "Accounts: PATCH, soft delete, restore, purge"): listed per subscription, read and
/// purged under `locations/{location}/resourceGroups/{resourceGroupName}/deletedAccounts/{accountName}`.
/// Purging frees the name and the custom subdomain.
extension CognitiveServicesProvider {
    var deletedAccountRoutes: [Route] {
        let item = Self.subscriptionPrefix + "/locations/{location}/resourceGroups/{resourceGroupName}/deletedAccounts/{accountName}"
        return [
            Route(
                "GET", Self.subscriptionPrefix + "/deletedAccounts", operationID: "DeletedAccounts_List",
                action: "Microsoft.CognitiveServices/deletedAccounts/read"
            ) { request, parameters in
                try Pager(request: request).list(
                    store, under: .subscription(parameters.required("subscriptionId")), types: [Self.deletedAccountType],
                    render: { renderAccount($0, request: request) })
            },
            Route(
                "GET", item, operationID: "DeletedAccounts_Get",
                action: "Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/read"
            ) { request, parameters in
                .ok(renderAccount(try store.require(deletedAccountID(request)), request: request))
            },
            Route(
                "DELETE", item, operationID: "DeletedAccounts_Purge",
                action: "Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete"
            ) { request, parameters in
                let id = deletedAccountID(request)
                guard store.get(id) != nil else { return .noContent }
                if operations.isSynchronous {
                    try store.delete(id)
                    return ARMResponse(status: 200)
                }
                let store = self.store
                let handle = operations.begin(
                    for: request, namespace: Self.namespace, location: parameters.required("location"), kind: .delete, resourceID: id
                ) { try store.delete(id) }
                return ARMResponse(status: 202, headers: operations.headers(for: handle))
            },
        ]
    }

    /// The request's target, its region spelled as soft deletion files it (`East US` -> `eastus`):
    /// the store keeps a deleted account under its account's canonical region.
    func deletedAccountID(_ request: ARMRequest) -> ResourceID {
        let target = request.resourceID  // …/locations/{location}/resourceGroups/{group}/deletedAccounts/{name}
        return Self.deletedAccountID(
            subscriptionID: target.subscriptionID ?? "", location: AzureRegion.normalize(target.names[0]), resourceGroup: target.names[1],
            name: target.name)
    }
}
