import ARMCore

/// ARM's front-door check that the subscription is registered for the namespace a write goes to
/// (https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-register-resource-provider):
/// after an `az provider unregister`, PUT/PATCH/POST/DELETE under that namespace answer 409
/// `MissingSubscriptionRegistration`; reads keep working (EMULATOR CHOICE). Internal requests the
/// emulator sends itself pass, as first-party services do.
package struct ProviderRegistrationGate: ARMMiddleware {
    let store: ResourceStore

    package init(store: ResourceStore) {
        self.store = store
    }

    package func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        guard request.method != "GET", request.method != "HEAD", !request.isInternal, let match = request.route,
            let action = match.route.action, let subscriptionID = match.parameters["subscriptionId"],
            let namespace = action.split(separator: "/").first.map(String.init),
            !ResourcesProvider.permanentNamespaces.contains(namespace.lowercased())
        else {
            return try await next.respond(to: request)
        }
        guard FeatureRegistration.isProviderRegistered(store, subscriptionID: subscriptionID, namespace: namespace) else {
            throw ARMError.missingSubscriptionRegistration(namespace)
        }
        return try await next.respond(to: request)
    }
}
