/// An Azure subscription and the tenant it trusts.
public struct Subscription: Sendable, Codable, Equatable {
    /// ARM's subscription states.
    public static let states = ["Enabled", "Warned", "PastDue", "Disabled", "Deleted"]

    public var subscriptionId: String
    public var tenantId: String
    public var displayName: String
    /// One of `Subscription.states`.
    public var state: String

    public init(subscriptionId: String, tenantId: String, displayName: String, state: String = "Enabled") {
        self.subscriptionId = subscriptionId.lowercased()
        self.tenantId = tenantId.lowercased()
        self.displayName = displayName
        self.state = state
    }
}
