import ARMCore

/// Resource provider registrations (reference §4.4). Every namespace the emulator serves is
/// registered in every subscription; registering again answers the registration.
/// Unregistering is not emulated (it would have to make the namespace's writes fail with
/// MissingSubscriptionRegistration) and answers 501.
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
                .ok(
                    try providerJSON(
                        namespace: parameters.required("resourceProviderNamespace"), subscriptionID: parameters.required("subscriptionId")))
            },
            Route(
                "POST", scoped + "/{resourceProviderNamespace}/unregister", operationID: "Providers_Unregister",
                action: "Microsoft.Resources/subscriptions/providers/unregister/action"
            ) { _, _ in
                throw ARMError.notImplemented("Providers_Unregister")
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
        return try Pager(request: request).list(registrations, key: { $0.namespace.lowercased() }) {
            providerJSONValue($0, subscriptionID: subscriptionID)
        }
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
                // Provider listings use display names ("East US"), §4.4.
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
        if subscriptionID != nil {
            object["registrationState"] = "Registered"
            object["registrationPolicy"] = "RegistrationRequired"
        }
        object["resourceTypes"] = .array(types)
        return .object(object)
    }
}
