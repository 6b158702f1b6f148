import ARMCore

/// The one check of the subscription a request names, after authentication and before route
/// match: a path `/subscriptions/{id}/…` (routes with `{subscriptionId}`, and `{scope}` routes
/// whose scope is a subscription or below it) needs a well-formed, known subscription: 400
/// `InvalidSubscriptionId` for a malformed id, 404 `SubscriptionNotFound` for an unknown one, as
/// ARM's front door answers before it routes to a resource provider. It sits beside
/// `AuthenticationMiddleware`, which runs just before it.
package struct SubscriptionMiddleware: ARMRequestStep {
    package let directory: Directory

    package init(directory: Directory) {
        self.directory = directory
    }

    package func prepare(_ request: inout ARMRequest) throws {
        let segments = request.segments
        if segments.count >= 2, segments[0].lowercasedIfNeeded == "subscriptions" {
            let subscriptionID = segments[1]
            try ResourceID.validateSubscriptionID(subscriptionID)
            guard directory.subscription(id: subscriptionID) != nil else { throw ARMError.subscriptionNotFound(subscriptionID) }
        }
    }
}
