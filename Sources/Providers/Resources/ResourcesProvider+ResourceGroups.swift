import ARMCore
import EmulatorHTTP
import Foundation
import JSON

/// Resource groups (docs/azure-behaviours.md "Resource groups", api-version 2024-11-01).
extension ResourcesProvider {
    static let resourceGroupType = "Microsoft.Resources/resourceGroups"

    var resourceGroupRoutes: [Route] {
        let item = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
        let read = "Microsoft.Resources/subscriptions/resourceGroups/read"
        let write = "Microsoft.Resources/subscriptions/resourceGroups/write"
        return [
            Route("GET", "/subscriptions/{subscriptionId}/resourceGroups", operationID: "ResourceGroups_List", action: read) {
                request, parameters in try listResourceGroups(request, subscriptionID: parameters.required("subscriptionId"))
            }.filteringByReadAccess(),
            Route("PUT", item, operationID: "ResourceGroups_CreateOrUpdate", action: write) { request, parameters in
                try createOrUpdateResourceGroup(request, parameters)
            }.skippingResourceGroupCheck(),
            Route("GET", item, operationID: "ResourceGroups_Get", action: read) { _, parameters in
                .ok(try existingResourceGroup(parameters), renderedBy: store.renderedBodies)
            },
            // HEAD answers 204/404 without a body (ResourceGroups_CheckExistence).
            Route("HEAD", item, operationID: "ResourceGroups_CheckExistence", action: read) { _, parameters in
                let id = resourceGroupID(parameters)
                return ARMResponse(status: store.get(id) == nil ? 404 : 204)
            }.skippingResourceGroupCheck(),
            Route("PATCH", item, operationID: "ResourceGroups_Update", action: write) { request, parameters in
                try updateResourceGroup(request, parameters)
            },
            Route(
                "DELETE", item, operationID: "ResourceGroups_Delete",
                action: "Microsoft.Resources/subscriptions/resourceGroups/delete"
            ) { request, parameters in
                try await deleteResourceGroup(request, parameters)
            },
            Route(
                "POST", item + "/exportTemplate", operationID: "ResourceGroups_ExportTemplate",
                action: "Microsoft.Resources/subscriptions/resourceGroups/exportTemplate/action"
            ) { _, _ in
                throw ARMError.notImplemented("ResourceGroups_ExportTemplate")
            }.skippingResourceGroupCheck(),
        ]
    }

    func resourceGroupID(_ parameters: RouteParameters) -> ResourceID {
        ResourceID.resourceGroup(subscriptionID: parameters.required("subscriptionId"), name: parameters.required("resourceGroupName"))
    }

    func existingResourceGroup(_ parameters: RouteParameters) throws -> StoredResource {
        guard let group = store.get(resourceGroupID(parameters)) else {
            throw ARMError.resourceGroupNotFound(parameters.required("resourceGroupName"))
        }
        return group
    }

    func createOrUpdateResourceGroup(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let name = parameters.required("resourceGroupName")
        try NameRules.validateResourceGroupName(name)
        let input = try request.jsonBody()
        guard let locationText = input["location"]?.stringValue, !locationText.isEmpty else { throw ARMError.missingLocation }
        guard let location = AzureRegion.lookup(locationText)?.name else {
            throw ARMError.locationNotAvailableForResourceGroup(locationText, available: AzureRegion.allNames)
        }
        let tags = input["tags"] == nil ? nil : try TagRules.validate(input["tags"])
        let managedBy = try Self.managedBy(in: input)?.stringValue
        let id = resourceGroupID(parameters)
        let caller = request.caller
        let now = now()

        let write = try store.upsert(id, precondition: Precondition(headers: request.headers)) { existing in
            if let existing {
                let existingLocation = existing.body["location"]?.stringValue ?? ""
                if existing.body["properties"]?["provisioningState"]?.stringValue == "Deleting" {
                    throw ARMError.resourceGroupBeingDeleted(existing.id.name)
                }
                if existingLocation != location {
                    throw ARMError.invalidResourceGroupLocation(new: location, existing: existingLocation)
                }
            }
            // The name keeps the casing of this request (RPC: "return the most recently specified casing").
            var body = JSONObject([
                ("id", .string(id.description)),
                ("name", .string(name)),
                ("type", .string(Self.resourceGroupType)),
                ("location", .string(location)),
            ])
            if let managedBy { body["managedBy"] = .string(managedBy) }
            // PUT replaces: tags not sent means no tags.
            if let tags { body["tags"] = .object(tags) }
            body["properties"] = ["provisioningState": "Succeeded"]
            body["systemData"] = .object(SystemData.make(caller: caller, at: now, previous: existing?.body["systemData"]))
            return (body, JSONObject())
        }
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }

    /// PATCH replaces `tags` wholesale; only `tags`, `managedBy` and `properties` are patchable (docs/azure-behaviours.md "Resource
    /// groups").
    func updateResourceGroup(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let input = try request.jsonBody()
        let tags = input["tags"] == nil ? nil : try TagRules.validate(input["tags"])
        let managedBy = try Self.managedBy(in: input)
        let caller = request.caller
        let now = now()
        let id = resourceGroupID(parameters)
        let updated = try store.update(id, precondition: Precondition(headers: request.headers)) { body in
            if body["properties"]?["provisioningState"]?.stringValue == "Deleting" {
                throw ARMError.resourceGroupBeingDeleted(parameters.required("resourceGroupName"))
            }
            if let tags { body["tags"] = .object(tags) }
            // null removes it (JSON merge patch). Spelled out: a bare `nil` in a ternary with a
            // JSONValue would be the literal `.null` (JSONValue is ExpressibleByNilLiteral).
            if let managedBy {
                body["managedBy"] = managedBy == .null ? Optional<JSONValue>.none : managedBy
            }
            body["systemData"] = .object(SystemData.make(caller: caller, at: now, previous: body["systemData"]))
        }
        return .ok(.object(updated.body))
    }

    /// `managedBy` as sent: a string, `null` (PATCH: remove it), or absent. Any other JSON type is
    /// refused as ARM's deserializer does, instead of being stored and returned against the
    /// resource group schema (found by scripts/api-fuzz).
    static func managedBy(in input: JSONObject) throws -> JSONValue? {
        guard let value = input["managedBy"] else { return nil }
        switch value {
        case .string, .null: return value
        default: throw ARMError.invalidRequestContent("Error converting value to type 'System.String'. Path 'managedBy'.")
        }
    }

    /// Real ARM deletes a group asynchronously: 202 + Location on
    /// `/subscriptions/{s}/operationresults/{token}`, the group shows `Deleting` meanwhile, and every
    /// resource in it goes with it (docs/azure-behaviours.md "Resource groups"). With no provisioning delay the work is done before the
    /// 202 is sent, so the first poll answers 200.
    func deleteResourceGroup(_ request: ARMRequest, _ parameters: RouteParameters) async throws -> ARMResponse {
        let id = resourceGroupID(parameters)
        // An injected operation failure (fault rule) fails the delete without touching the group.
        let failing = request.injectedOperationFailure != nil
        // A second DELETE while one runs is accepted again, as ARM does.
        let precondition = Precondition(headers: request.headers)
        let deleting =
            failing
            ? try store.require(id)
            : try store.update(id, precondition: precondition) { body in body["properties"] = ["provisioningState": "Deleting"] }
        let location = deleting.body["location"]?.stringValue ?? ""
        let store = self.store
        let synchronous = operations.isSynchronous && !failing
        let cascades = self.cascades
        // Every resource goes with the group; each provider then cleans up what its resources
        // held outside it (ResourceGroupCascade).
        let removeGroup: @Sendable () async -> Void = {
            let removed = store.removeAll(under: id)
            for cascade in cascades { await cascade.resourceGroupDeleted(id, removed: removed, for: request) }
        }
        if synchronous { await removeGroup() }
        let handle = operations.begin(
            for: request, namespace: "Microsoft.Resources", location: location, kind: .delete, shape: .subscription, resourceID: id
        ) {
            if !synchronous { await removeGroup() }
        }
        if synchronous { await operations.waitUntilFinished(handle.id) }
        return ARMResponse(status: 202, headers: operations.headers(for: handle))
    }

    func listResourceGroups(_ request: ARMRequest, subscriptionID: String) throws -> ARMResponse {
        let filter = try ResourceFilter(request.query["$filter"], allowed: [.tagName, .tagValue])
        let subscription = ResourceID.subscription(subscriptionID)
        return try Pager(request: request).list(store, under: subscription, types: [Self.resourceGroupType]) { resource in
            filter.matches(resource.body, resourceGroup: resource.id.name)
        } render: { resource in
            var body = resource.body
            if filter.hidesTags { body["tags"] = nil }
            return .object(body)
        }
    }
}
