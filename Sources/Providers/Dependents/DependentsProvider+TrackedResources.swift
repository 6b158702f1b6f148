import ARMCore
import Foundation
import JSON

/// PUT/GET/DELETE/list of the four tracked dependent types, with the ARM envelope.
extension DependentsProvider {
    func trackedRoutes(for kind: DependentType) -> [Route] {
        let collection = Self.resourceGroupPattern + "/providers/\(kind.namespace)/\(kind.type)"
        let item = collection + "/{resourceName}"
        let prefix = kind.fullType
        // Azure's own operation groups: StorageAccounts, Vaults, Registries, Components.
        let group = kind.operationGroup ?? kind.type.prefix(1).uppercased() + kind.type.dropFirst()
        return [
            Route("PUT", item, operationID: "\(group)_CreateOrUpdate", action: prefix + "/write") { request, _ in
                try createOrUpdate(kind, request)
            },
            Route("GET", item, operationID: "\(group)_Get", action: prefix + "/read") { request, parameters in
                return .ok(.object(try store.require(request.resourceID).body))
            },
            Route("PATCH", item, operationID: "\(group)_Update", action: prefix + "/write") { _, _ in
                throw ARMError.notImplemented("\(group)_Update")
            }.skippingResourceGroupCheck(),
            Route("DELETE", item, operationID: "\(group)_Delete", action: prefix + "/delete") { request, parameters in
                if kind.fullType == DependentType.vaults.fullType { return try deleteVault(request) }
                let removed = store.removeAll(under: request.resourceID)
                return ARMResponse(status: removed.isEmpty ? 204 : 200)
            },
            Route("GET", collection, operationID: "\(group)_ListByResourceGroup", action: prefix + "/read") { request, parameters in
                try Pager(request: request).list(store, under: request.resourceID, types: [kind.fullType])
            },
            Route(
                "GET", "/subscriptions/{subscriptionId}/providers/\(kind.namespace)/\(kind.type)",
                operationID: "\(group)_List", action: prefix + "/read"
            ) { request, parameters in
                try Pager(request: request).list(store, under: .subscription(parameters.required("subscriptionId")), types: [kind.fullType])
            },
        ]
    }

    /// PUT: `createdStatus` (201, Storage 200) when created, 200 when replaced; the checks and the
    /// body are `DependentResource`'s.
    func createOrUpdate(_ kind: DependentType, _ request: ARMRequest) throws -> ARMResponse {
        let id = request.resourceID
        let context = DependentResource.WriteContext(
            isFeatureRegistered: { [store] subscriptionID, namespace, feature in
                FeatureRegistration.isFeatureRegistered(store, subscriptionID: subscriptionID, namespace: namespace, feature: feature)
            },
            holderOfName: { name in takenName(name, type: kind) })
        var resource = try DependentResource(validating: request.jsonBody(), kind: kind, id: id, context: context)
        if kind.fullType == DependentType.vaults.fullType, !store.contains(id) {
            resource.properties = try prepareVault(id, input: resource.input, caller: request.caller)
        }
        let caller = request.caller
        let date = now()
        let write = try store.upsert(id, precondition: request.precondition) { existing in
            try resource.body(replacing: existing, caller: caller, at: date)
        }
        return ARMResponse(status: write.created ? kind.createdStatus : 200, body: .object(write.resource.body))
    }
}
