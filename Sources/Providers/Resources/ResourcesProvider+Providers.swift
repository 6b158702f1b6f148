import ARMCore
import JSON

/// Resource provider registrations (docs/azure-behaviours.md "Resource providers"). Every namespace the emulator serves is
/// registered in every subscription until a client unregisters it; from then on writes to it answer
/// 409 `MissingSubscriptionRegistration` (`ProviderRegistrationGate`) until it is registered again.
/// The state is kept in the store (`FeatureRegistration.providerID`), durable and in `/_emulator/state`.
/// Microsoft.Resources, Microsoft.Authorization and Microsoft.Features cannot be unregistered.
extension ResourcesProvider {
    var providerRoutes: [Route] {
        let scoped = "/subscriptions/{subscriptionId}/providers"
        return [
            Route("GET", scoped, operationID: "Providers_List", action: nil) { request, parameters in
                try listProviders(request, subscriptionID: parameters.required("subscriptionId"))
            },
            Route("GET", scoped + "/{resourceProviderNamespace}", operationID: "Providers_Get", action: nil) { request, parameters in
                .ok(
                    try providerJSON(
                        namespace: parameters.required("resourceProviderNamespace"), subscriptionID: parameters.required("subscriptionId")))
            },
            Route(
                "POST", scoped + "/{resourceProviderNamespace}/register", operationID: "Providers_Register",
                action: "Microsoft.Resources/subscriptions/providers/register/action"
            ) { _, parameters in
                try setProviderState(parameters, registered: true)
            },
            Route(
                "POST", scoped + "/{resourceProviderNamespace}/unregister", operationID: "Providers_Unregister",
                action: "Microsoft.Resources/subscriptions/providers/unregister/action"
            ) { _, parameters in
                try setProviderState(parameters, registered: false)
            },
            Route("GET", "/providers", operationID: "Providers_ListAtTenantScope", action: nil) { request, _ in
                try Pager(request: request).list(registrations, key: { $0.namespace.lowercased() }) {
                    providerJSONValue($0, subscriptionID: nil)
                }
            },
            Route("GET", "/providers/{resourceProviderNamespace}", operationID: "Providers_GetAtTenantScope", action: nil) {
                _, parameters in
                .ok(try providerJSON(namespace: parameters.required("resourceProviderNamespace"), subscriptionID: nil))
            },
        ]
    }

    func listProviders(_ request: ARMRequest, subscriptionID: String) throws -> ARMResponse {
        guard directory.subscription(id: subscriptionID) != nil else { throw ARMError.subscriptionNotFound(subscriptionID) }
        return try Pager(request: request).list(
            registrations, key: { $0.namespace.lowercased() }, render: { providerJSONValue($0, subscriptionID: subscriptionID) })
    }

    func providerJSON(namespace: String, subscriptionID: String?) throws -> JSONValue {
        if let subscriptionID, directory.subscription(id: subscriptionID) == nil { throw ARMError.subscriptionNotFound(subscriptionID) }
        guard let registration = registrations.first(where: { $0.namespace.lowercased() == namespace.lowercased() }) else {
            throw ARMError.invalidResourceNamespace(namespace)
        }
        return providerJSONValue(registration, subscriptionID: subscriptionID)
    }

    func providerJSONValue(_ registration: ResourceProviderRegistration, subscriptionID: String?) -> JSONValue {
        let types: [JSONValue] = registration.resourceTypes.map { type in
            var object = JSONObject([
                ("resourceType", .string(type.name)),
                // Provider listings use display names ("East US"), docs/azure-behaviours.md "Resource providers".
                ("locations", .array(type.locations.map { .string(AzureRegion.lookup($0)?.displayName ?? $0) })),
                ("apiVersions", .array(type.apiVersions.map(JSONValue.string))),
            ])
            if let first = type.apiVersions.first(where: { !$0.contains("-preview") }) ?? type.apiVersions.first {
                object["defaultApiVersion"] = .string(first)
            }
            if let capabilities = type.capabilities { object["capabilities"] = .string(capabilities) }
            return .object(object)
        }
        var object = JSONObject()
        object["id"] = .string((subscriptionID.map { "/subscriptions/\($0)" } ?? "") + "/providers/\(registration.namespace)")
        object["namespace"] = .string(registration.namespace)
        if let subscriptionID {
            let registered = FeatureRegistration.isProviderRegistered(
                store, subscriptionID: subscriptionID, namespace: registration.namespace)
            object["registrationState"] = .string(registered ? "Registered" : "Unregistered")
            object["registrationPolicy"] = "RegistrationRequired"
        }
        object["resourceTypes"] = .array(types)
        return .object(object)
    }

    /// Namespaces ARM needs to work at all.
    static let permanentNamespaces: Set<String> = ["microsoft.resources", "microsoft.authorization", "microsoft.features"]

    func setProviderState(_ parameters: RouteParameters, registered: Bool) throws -> ARMResponse {
        let subscriptionID = parameters.required("subscriptionId")
        if directory.subscription(id: subscriptionID) == nil { throw ARMError.subscriptionNotFound(subscriptionID) }
        let namespace = try servedNamespace(parameters.required("resourceProviderNamespace"))
        let id = FeatureRegistration.providerID(subscriptionID: subscriptionID, namespace: namespace)
        if registered {
            _ = try store.delete(id)
        } else {
            if Self.permanentNamespaces.contains(namespace.lowercased()) { throw ARMError.providerCannotBeUnregistered(namespace) }
            try store.put(
                id,
                body: JSONObject([
                    ("id", .string(id.description)), ("name", .string(namespace)),
                    ("properties", ["state": "Unregistered"]),
                ]))
        }
        return .ok(try providerJSON(namespace: namespace, subscriptionID: subscriptionID))
    }
}
