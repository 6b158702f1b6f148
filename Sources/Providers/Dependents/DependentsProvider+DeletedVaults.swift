import ARMCore
import Foundation
import JSON

/// Key Vault soft delete (https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview):
/// deleting a vault with `enableSoftDelete` (the default) keeps it under
/// `/subscriptions/{s}/providers/Microsoft.KeyVault/locations/{l}/deletedVaults/{name}` for
/// `softDeleteRetentionInDays`; its name stays taken until it is purged or recovered (`PUT` with
/// `createMode: recover`). `az keyvault delete/list-deleted/show-deleted/purge/recover` use these.
extension DependentsProvider {
    /// The wire `type` of a deleted vault.
    static let deletedVaultType = "Microsoft.KeyVault/deletedVaults"
    /// The store's type for its id (`locations/{l}/deletedVaults/{name}`).
    static let deletedVaultStoreType = "Microsoft.KeyVault/locations/deletedVaults"

    var deletedVaultRoutes: [Route] {
        let subscription = "/subscriptions/{subscriptionId}/providers/Microsoft.KeyVault"
        let item = subscription + "/locations/{location}/deletedVaults/{vaultName}"
        return [
            Route(
                "GET", subscription + "/deletedVaults", operationID: "Vaults_ListDeleted", action: "Microsoft.KeyVault/deletedVaults/read"
            ) {
                request, parameters in
                try Pager(request: request).list(
                    store, under: .subscription(parameters.required("subscriptionId")), types: [Self.deletedVaultStoreType])
            },
            // Managed HSMs are not modelled, so none is ever deleted; `az keyvault list-deleted` lists both.
            Route(
                "GET", subscription + "/deletedManagedHSMs", operationID: "ManagedHsms_ListDeleted",
                action: "Microsoft.KeyVault/deletedManagedHsms/read"
            ) { request, _ in
                try Pager(request: request).list([JSONValue](), key: { _ in "" }) { $0 }
            },
            Route("GET", item, operationID: "Vaults_GetDeleted", action: "Microsoft.KeyVault/locations/deletedVaults/read") {
                _, parameters in
                .ok(.object(try store.require(deletedVaultID(parameters)).body))
            },
            Route(
                "POST", item + "/purge", operationID: "Vaults_PurgeDeleted",
                action: "Microsoft.KeyVault/locations/deletedVaults/purge/action"
            ) { _, parameters in
                _ = try store.require(deletedVaultID(parameters))
                _ = try store.delete(deletedVaultID(parameters))
                return ARMResponse(status: 200)
            },
        ]
    }

    func deletedVaultID(_ parameters: RouteParameters) -> ResourceID {
        Self.deletedVaultID(
            subscriptionID: parameters.required("subscriptionId"), location: AzureRegion.normalize(parameters.required("location")),
            name: parameters.required("vaultName"))
    }

    static func deletedVaultID(subscriptionID: String, location: String, name: String) -> ResourceID {
        ResourceID(
            subscriptionID: subscriptionID, resourceGroup: nil,
            providers: [.init(namespace: "Microsoft.KeyVault", types: ["locations", "deletedVaults"], names: [location, name])])
    }

    /// A soft-deleted vault with this name in any subscription (vault names are global).
    func deletedVault(named name: String) -> StoredResource? {
        store.all(under: nil, types: [Self.deletedVaultStoreType]).first { $0.id.name.lowercased() == name.lowercased() }
    }

    /// DELETE of a vault: soft-deleted unless `enableSoftDelete` is false; its secrets go either way.
    func deleteVault(_ request: ARMRequest) throws -> ARMResponse {
        let id = request.resourceID
        let removed = store.removeAll(under: id)
        guard let vault = removed.first(where: { $0.id == id }) else { return ARMResponse(status: 204) }
        if vault.body["properties"]?["enableSoftDelete"]?.boolValue != false {
            let deleted = DeletedVault(of: vault, as: id, at: now())
            try store.put(deleted.id, body: deleted.body, privateState: deleted.privateState)
        }
        return ARMResponse(status: 200)
    }

    /// Vault-only rules of a PUT, before it is stored: the name is global, a soft-deleted name needs
    /// `createMode: recover` (which brings the saved vault back), and the service fills `tenantId`,
    /// `sku`, `enableSoftDelete` and `softDeleteRetentionInDays` when the client leaves them out.
    /// Returns the properties to start from.
    func prepareVault(_ id: ResourceID, input: JSONObject, caller: Caller?) throws -> JSONObject {
        var properties = input["properties"]?.objectValue ?? JSONObject()
        let recover = properties["createMode"]?.stringValue?.lowercased() == "recover"
        if let deleted = deletedVault(named: id.name) {
            guard recover else { throw ARMError.vaultInDeletedState(id.name) }
            let saved = deleted.privateState["vault"]?["properties"]?.objectValue ?? JSONObject()
            for (key, value) in saved.pairs where properties[key] == nil || properties[key] == .null { properties[key] = value }
            _ = try store.delete(deleted.id)
        } else if recover {
            throw ARMError.deletedVaultNotFound(id.name)
        }
        properties["createMode"] = nil
        if properties["tenantId"]?.stringValue == nil { properties["tenantId"] = .string(caller?.tenantId ?? "") }
        if properties["sku"] == nil || properties["sku"] == .null { properties["sku"] = ["family": "A", "name": "standard"] }
        if properties["enableSoftDelete"] == nil || properties["enableSoftDelete"] == .null { properties["enableSoftDelete"] = true }
        if properties["softDeleteRetentionInDays"] == nil || properties["softDeleteRetentionInDays"] == .null {
            properties["softDeleteRetentionInDays"] = 90
        }
        if properties["accessPolicies"] == nil || properties["accessPolicies"] == .null { properties["accessPolicies"] = [] }
        return properties
    }
}
