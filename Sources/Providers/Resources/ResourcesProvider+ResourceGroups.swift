import ARMCore
import EmulatorHTTP
import Foundation
import JSON

/// Resource groups (docs/azure-behaviours.md "Resource groups", api-version 2024-11-01).
extension ResourcesProvider {
    var resourceGroupRoutes: [Route] {
        let item = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
        let read = "Microsoft.Resources/subscriptions/resourceGroups/read"
        let write = "Microsoft.Resources/subscriptions/resourceGroups/write"
        return [
            Route("GET", "/subscriptions/{subscriptionId}/resourceGroups", operationID: "ResourceGroups_List", action: read) {
                request, parameters in try listResourceGroups(request, subscriptionID: parameters.required("subscriptionId"))
            }.filteringByReadAccess(),
            Route("PUT", item, operationID: "ResourceGroups_CreateOrUpdate", action: write) { request, _ in
                try createOrUpdateResourceGroup(request)
            }.skippingResourceGroupCheck(),
            Route("GET", item, operationID: "ResourceGroups_Get", action: read) { request, _ in
                .ok(try existingResourceGroup(request), renderedBy: store.renderedBodies)
            },
            // HEAD answers 204/404 without a body (ResourceGroups_CheckExistence).
            Route("HEAD", item, operationID: "ResourceGroups_CheckExistence", action: read) { request, _ in
                ARMResponse(status: store.get(request.resourceID) == nil ? 404 : 204)
            }.skippingResourceGroupCheck(),
            Route("PATCH", item, operationID: "ResourceGroups_Update", action: write) { request, _ in
                try updateResourceGroup(request)
            },
            Route(
                "DELETE", item, operationID: "ResourceGroups_Delete",
                action: "Microsoft.Resources/subscriptions/resourceGroups/delete"
            ) { request, _ in
                try await deleteResourceGroup(request)
            },
            Route(
                "POST", item + "/exportTemplate", operationID: "ResourceGroups_ExportTemplate",
                action: "Microsoft.Resources/subscriptions/resourceGroups/exportTemplate/action"
            ) { _, _ in
                throw ARMError.notImplemented("ResourceGroups_ExportTemplate")
            }.skippingResourceGroupCheck(),
        ]
    }

    /// The resource group the request's target lies in: 404 `ResourceGroupNotFound` when missing.
    func existingResourceGroup(_ request: ARMRequest) throws -> StoredResource {
        guard let id = request.resourceID.resourceGroupID, let group = store.get(id) else {
            throw ARMError.resourceGroupNotFound(request.resourceID.resourceGroup ?? "")
        }
        return group
    }

    /// PUT: 201 when created, 200 when replaced (the checks are `ResourceGroup(validating:id:)`'s).
    func createOrUpdateResourceGroup(_ request: ARMRequest) throws -> ARMResponse {
        let group = try ResourceGroup(validating: request.jsonBody(), id: request.resourceID)
        let caller = request.caller
        let now = now()
        let write = try store.upsert(group.id, precondition: Precondition(headers: request.headers)) { existing in
            (try group.body(replacing: existing, caller: caller, at: now), JSONObject())
        }
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }

    /// PATCH (`ResourceGroup.Update`).
    func updateResourceGroup(_ request: ARMRequest) throws -> ARMResponse {
        let update = try ResourceGroup.Update(validating: try request.jsonBody())
        let caller = request.caller
        let now = now()
        let id = request.resourceID
        let updated = try store.update(id, precondition: Precondition(headers: request.headers)) { body in
            try update.apply(to: &body, name: id.name, caller: caller, at: now)
        }
        return .ok(.object(updated.body))
    }

    /// Real ARM deletes a group asynchronously: 202 + Location on
    /// `/subscriptions/{s}/operationresults/{token}`, the group shows `Deleting` meanwhile, and every
    /// resource in it goes with it (docs/azure-behaviours.md "Resource groups"). With no provisioning delay the work is done before the
    /// 202 is sent, so the first poll answers 200.
    func deleteResourceGroup(_ request: ARMRequest) async throws -> ARMResponse {
        let id = request.resourceID
        // An injected operation failure (fault rule) fails the delete without touching the group.
        let failing = request.injectedOperationFailure != nil
        // A second DELETE while one runs is accepted again, as ARM does.
        let precondition = Precondition(headers: request.headers)
        let deleting =
            failing
            ? try store.require(id)
            : try store.update(id, precondition: precondition) { body in body["properties"] = ["provisioningState": "Deleting"] }
        let location = deleting.body["location"]?.stringValue ?? ""
        let synchronous = operations.isSynchronous && !failing
        let removeGroup = groupRemoval(id, for: request)
        if synchronous { await removeGroup() }
        let handle = operations.begin(
            for: request, namespace: "Microsoft.Resources", location: location, kind: .delete, shape: .subscription, resourceID: id
        ) {
            if !synchronous { await removeGroup() }
        }
        if synchronous { await operations.waitUntilFinished(handle.id) }
        return ARMResponse(status: 202, headers: operations.headers(for: handle))
    }

    /// Every resource goes with the group; each provider then cleans up what its resources held
    /// outside it (`ResourceGroupCascade`).
    func groupRemoval(_ id: ResourceID, for request: ARMRequest) -> @Sendable () async -> Void {
        let store = self.store
        let cascades = self.cascades
        return {
            let removed = store.removeAll(under: id)
            for cascade in cascades { await cascade.resourceGroupDeleted(id, removed: removed, for: request) }
        }
    }

    func listResourceGroups(_ request: ARMRequest, subscriptionID: String) throws -> ARMResponse {
        let filter = try ResourceFilter(request.query["$filter"], allowed: [.tagName, .tagValue])
        let subscription = ResourceID.subscription(subscriptionID)
        return try Pager(request: request).list(store, under: subscription, types: [ResourceGroup.resourceType]) { resource in
            filter.matches(resource.body, resourceGroup: resource.id.name)
        } render: { resource in
            var body = resource.body
            if filter.hidesTags { body["tags"] = nil }
            return .object(body)
        }
    }
}
