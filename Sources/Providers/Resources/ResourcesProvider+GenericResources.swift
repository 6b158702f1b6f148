import ARMCore
import JSON

/// `GET .../resources` at subscription and resource-group scope (docs/azure-behaviours.md "Generic resource lists and $filter"). Only
/// top-level resources of provider namespaces are listed, never child resources or resource groups, and only
/// of types a provider registration declares (`ResourceProviderRegistration.declaredTypes`).
extension ResourcesProvider {
    var genericResourceRoutes: [Route] {
        [
            Route(
                "GET", "/subscriptions/{subscriptionId}/resources", operationID: "Resources_List",
                action: "Microsoft.Resources/subscriptions/resources/read"
            ) { request, parameters in
                try listResources(request, scope: .subscription(parameters.required("subscriptionId")), resourceGroup: nil)
            }.filteringByReadAccess(),
            Route(
                "GET", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/resources",
                operationID: "Resources_ListByResourceGroup",
                action: "Microsoft.Resources/subscriptions/resourceGroups/resources/read"
            ) { request, _ in
                let group = try existingResourceGroup(request)
                return try listResources(request, scope: group.id, resourceGroup: group.id.name)
            }.filteringByReadAccess(),
        ]
    }

    static let listedFields = [
        "id", "name", "type", "kind", "location", "extendedLocation", "managedBy", "sku", "plan", "identity", "tags",
    ]

    func listResources(_ request: ARMRequest, scope: ResourceID, resourceGroup: String?) throws -> ARMResponse {
        let filter = try ResourceFilter(request.query["$filter"], allowed: Set(ResourceFilter.Field.allCases))
        let expand = Set(
            (request.query["$expand"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        let declared = ResourceProviderRegistration.declaredTypes(registrations)
        return try Pager(request: request).list(store, under: scope) { resource in
            // Deployments are ARM's own records, not resources: `/resources` never lists them.
            resource.id.isTopLevelProviderResource && resource.id.namespace?.lowercased() != "microsoft.resources"
                && declared.contains(resource.id.fullType.lowercased())
                && filter.matches(resource.body, resourceGroup: resource.id.resourceGroup)
        } render: { resource in
            var item = JSONObject()
            for field in Self.listedFields {
                if let value = resource.body[field] { item[field] = value }
            }
            if filter.hidesTags { item["tags"] = nil }
            if expand.contains("createdtime"), let created = resource.body["systemData"]?["createdAt"] {
                item["createdTime"] = created
            }
            if expand.contains("changedtime"), let changed = resource.body["systemData"]?["lastModifiedAt"] {
                item["changedTime"] = changed
            }
            if expand.contains("provisioningstate"), let state = resource.body["properties"]?["provisioningState"] {
                item["provisioningState"] = state
            }
            return .object(item)
        }
    }
}
