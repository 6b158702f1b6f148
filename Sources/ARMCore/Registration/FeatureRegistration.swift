/// Where the emulator keeps a subscription's feature and resource provider registration state, so
/// that Microsoft.Resources (which serves `az feature` and `az provider`) writes it and any provider
/// or the front door reads it through the store (docs/served.md, Microsoft.Features).
///
/// Everything is registered by default: a record exists only once a client registered or
/// unregistered something, and only a record whose state is not `Registered` closes a gate.
package enum FeatureRegistration {
    /// `/subscriptions/{s}/providers/Microsoft.Features/featureProviders/{ns}/subscriptionFeatureRegistrations/{feature}`,
    /// the id Azure gives a subscription's feature registration (Microsoft.Features 2021-07-01).
    package static func featureID(subscriptionID: String, namespace: String, feature: String) -> ResourceID {
        ResourceID(
            subscriptionID: subscriptionID, resourceGroup: nil,
            providers: [
                .init(
                    namespace: "Microsoft.Features", types: ["featureProviders", "subscriptionFeatureRegistrations"],
                    names: [namespace, feature])
            ])
    }

    package static let featureStoreType = "Microsoft.Features/featureProviders/subscriptionFeatureRegistrations"

    /// The emulator's own record of an unregistered resource provider namespace (no Azure type:
    /// ARM keeps this state itself).
    package static func providerID(subscriptionID: String, namespace: String) -> ResourceID {
        ResourceID(
            subscriptionID: subscriptionID, resourceGroup: nil,
            providers: [.init(namespace: "Microsoft.Resources", types: ["providerRegistrations"], names: [namespace])])
    }

    package static func state(of record: StoredResource?) -> String? {
        record?.body["properties"]?["state"]?.stringValue
    }

    /// False only when the feature was unregistered in this subscription.
    package static func isFeatureRegistered(_ store: ResourceStore, subscriptionID: String, namespace: String, feature: String) -> Bool {
        let state = state(of: store.get(featureID(subscriptionID: subscriptionID, namespace: namespace, feature: feature)))
        return state == nil || state == "Registered"
    }

    /// False only when the namespace was unregistered in this subscription.
    package static func isProviderRegistered(_ store: ResourceStore, subscriptionID: String, namespace: String) -> Bool {
        let state = state(of: store.get(providerID(subscriptionID: subscriptionID, namespace: namespace)))
        return state == nil || state == "Registered"
    }
}
