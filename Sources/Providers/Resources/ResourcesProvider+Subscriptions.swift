import ARMCore
import Identity
import JSON

/// Subscriptions, tenants and locations (docs/azure-behaviours.md "Subscriptions, tenants and locations", api-version 2022-12-01).
extension ResourcesProvider {
    var subscriptionRoutes: [Route] {
        [
            Route("GET", "/subscriptions", operationID: "Subscriptions_List", action: nil) { request, _ in
                listSubscriptions(request)
            },
            Route(
                "GET", "/subscriptions/{subscriptionId}", operationID: "Subscriptions_Get",
                action: "Microsoft.Resources/subscriptions/read"
            ) { _, parameters in
                try getSubscription(parameters.required("subscriptionId"))
            },
            Route(
                "GET", "/subscriptions/{subscriptionId}/locations", operationID: "Subscriptions_ListLocations",
                action: nil
            ) { _, parameters in
                try listLocations(parameters.required("subscriptionId"))
            },
            Route("GET", "/tenants", operationID: "Tenants_List", action: nil) { request, _ in
                listTenants(request)
            },
        ]
    }

    /// ARM lists the subscriptions of the token's tenant. `id` is required by az (it calls
    /// `id.rpartition`), as are tenantId and state for its profile (docs/azure-behaviours.md "What the Azure CLI needs").
    func listSubscriptions(_ request: ARMRequest) -> ARMResponse {
        let tenantID = request.caller?.tenantId ?? WellKnown.tenantId
        let values = directory.subscriptions.filter { $0.tenantId.lowercased() == tenantID.lowercased() }
            .map { subscriptionJSON($0) }
        return .ok(["value": .array(values)])
    }

    func getSubscription(_ id: String) throws -> ARMResponse {
        guard let subscription = directory.subscription(id: id) else { throw ARMError.subscriptionNotFound(id) }
        return .ok(subscriptionJSON(subscription))
    }

    func subscriptionJSON(_ subscription: Subscription) -> JSONValue {
        .object(
            JSONObject([
                ("id", .string("/subscriptions/\(subscription.subscriptionId)")),
                ("authorizationSource", "RoleBased"),
                ("managedByTenants", .array([])),
                ("subscriptionId", .string(subscription.subscriptionId)),
                ("tenantId", .string(subscription.tenantId)),
                ("displayName", .string(subscription.displayName)),
                ("state", .string(subscription.state)),
                (
                    "subscriptionPolicies",
                    [
                        "locationPlacementId": "Public_2014-09-01", "quotaId": "PayAsYouGo_2014-09-01", "spendingLimit": "Off",
                    ]
                ),
            ]))
    }

    /// Not paged (Subscriptions_ListLocations has no nextLink in the spec).
    func listLocations(_ subscriptionID: String) throws -> ARMResponse {
        guard directory.subscription(id: subscriptionID) != nil else { throw ARMError.subscriptionNotFound(subscriptionID) }
        let values = AzureRegion.all.map { $0.locationJSON(subscriptionID: subscriptionID) }
        return .ok(["value": .array(values)])
    }

    /// The caller's home tenant. az needs `tenantId` on each entry (docs/azure-behaviours.md "What the Azure CLI needs").
    func listTenants(_ request: ARMRequest) -> ARMResponse {
        let tenantID = request.caller?.tenantId ?? WellKnown.tenantId
        let values = directory.tenants.filter { $0.tenantId.lowercased() == tenantID.lowercased() }.map { tenant -> JSONValue in
            .object(
                JSONObject([
                    ("id", .string("/tenants/\(tenant.tenantId)")),
                    ("tenantId", .string(tenant.tenantId)),
                    ("countryCode", "US"),
                    ("displayName", .string(tenant.displayName)),
                    ("domains", .array([.string(tenant.defaultDomain)])),
                    ("tenantCategory", "Home"),
                    ("defaultDomain", .string(tenant.defaultDomain)),
                    ("tenantType", "AAD"),
                ]))
        }
        return .ok(["value": .array(values)])
    }
}
