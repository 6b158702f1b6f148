import ARMCore
import Identity

/// Every route with a `{subscriptionId}` needs a well-formed, known subscription: 400
/// `InvalidSubscriptionId` for a malformed id, 404 `SubscriptionNotFound` for an unknown one
/// (docs/azure-behaviours.md "Case-insensitivity and names", "Error responses"). Runs after route match, before the handler.
struct SubscriptionMiddleware: ARMMiddleware {
    let directory: Directory

    func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        // `{scope}` routes (Microsoft.Authorization) name the subscription inside the scope.
        let inScope =
            request.route?.parameters["scope"] != nil && request.segments.count >= 2
                && request.segments[0].lowercased() == "subscriptions" ? request.segments[1] : nil
        if let subscriptionID = request.route?.parameters["subscriptionId"] ?? inScope {
            try ResourceID.validateSubscriptionID(subscriptionID)
            guard directory.subscription(id: subscriptionID) != nil else { throw ARMError.subscriptionNotFound(subscriptionID) }
        }
        return try await next.respond(to: request)
    }
}
