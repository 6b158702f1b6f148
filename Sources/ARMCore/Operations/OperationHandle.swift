/// Where clients poll one asynchronous operation. Handed back by `LongRunningOperations.begin`.
package struct OperationHandle: Sendable, Equatable {
    /// The URL shape of the polling endpoints.
    package enum Shape: Sendable, Equatable {
        /// `…/subscriptions/{s}/providers/{ns}/locations/{loc}/operationStatuses|operationResults/{id}`,
        /// the subscription-scoped form the RPC prefers (docs/azure-behaviours.md "Asynchronous operations").
        case provider
        /// `…/subscriptions/{s}/operationresults/{token}`, as ARM answers resource-group deletes.
        /// Only a `Location` URL; no status resource.
        case subscription
    }

    package let id: String
    package let subscriptionID: String
    package let namespace: String
    package let location: String
    package let shape: Shape
    /// `scheme://host[:port]` of the request that started the operation (URLs must be absolute
    /// and on the host the client used, docs/azure-behaviours.md "Asynchronous operations").
    package let baseURL: String
    package let apiVersion: String

    /// The `Azure-AsyncOperation` URL; nil for the subscription shape.
    package var asyncOperationURL: String? {
        guard shape == .provider else { return nil }
        return providerLocationPrefix + "/operationStatuses/\(id)" + apiVersionQuery
    }

    /// The `Location` URL.
    package var locationURL: String {
        switch shape {
        case .provider: providerLocationPrefix + "/operationResults/\(id)" + apiVersionQuery
        case .subscription: "\(baseURL)/subscriptions/\(subscriptionID)/operationresults/\(id)" + apiVersionQuery
        }
    }

    private var providerLocationPrefix: String {
        "\(baseURL)/subscriptions/\(subscriptionID)/providers/\(namespace)/locations/\(location)"
    }

    private var apiVersionQuery: String { "?api-version=" + apiVersion.addingQueryValueEncoding }
}
