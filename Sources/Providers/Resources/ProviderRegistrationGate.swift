import ARMCore

/// ARM's front-door check that the subscription is registered for the namespace a write goes to
/// (https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-register-resource-provider):
/// after an `az provider unregister`, PUT/PATCH/POST/DELETE under that namespace answer 409
/// `MissingSubscriptionRegistration`; reads keep working (EMULATOR CHOICE). Internal requests the
/// emulator sends itself pass, as first-party services do.
package struct ProviderRegistrationGate: ARMRequestStep {
    let store: ResourceStore

    package init(store: ResourceStore) {
        self.store = store
    }

    package func prepare(_ request: inout ARMRequest) throws {
        guard request.method != "GET", request.method != "HEAD", !request.isInternal, let match = request.route,
            let action = match.route.action, let subscriptionID = match.parameters["subscriptionId"],
            let namespace = Self.namespace(of: action),
            !ResourcesProvider.permanentNamespaces.contains(namespace.lowercasedIfNeeded)
        else {
            return
        }
        guard FeatureRegistration.isProviderRegistered(store, subscriptionID: subscriptionID, namespace: namespace) else {
            throw ARMError.missingSubscriptionRegistration(namespace)
        }
    }

    /// `Microsoft.CognitiveServices` of `Microsoft.CognitiveServices/accounts/write`; nil for an
    /// empty one. Read off the UTF-8 bytes: splitting by `Character` ran on every write.
    static func namespace(of action: String) -> String? {
        let bytes = action.utf8
        let start = bytes.firstIndex { $0 != UInt8(ascii: "/") } ?? bytes.endIndex
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
        return start == end ? nil : String(action[start..<end])
    }
}
