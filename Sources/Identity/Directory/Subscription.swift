/// An Azure subscription and the tenant it trusts.
package struct Subscription: Sendable, Codable, Equatable {
    /// ARM's subscription states.
    package static let states = ["Enabled", "Warned", "PastDue", "Disabled", "Deleted"]

    package var subscriptionId: String
    package var tenantId: String
    package var displayName: String
    /// One of `Subscription.states`.
    package var state: String

    package init(subscriptionId: String, tenantId: String, displayName: String, state: String = "Enabled") {
        self.subscriptionId = subscriptionId.lowercased()
        self.tenantId = tenantId.lowercased()
        self.displayName = displayName
        self.state = state
    }
}
