import ARMCore
import Foundation

/// What a deployment knows about where it runs: the values behind `subscription()`,
/// `resourceGroup()`, `deployment()` and `tenant()`, plus the clock and GUID source for `utcNow()`
/// and `newGuid()` (injected so tests are deterministic).
public struct DeploymentContext: Sendable {
    public var subscriptionID: String
    public var subscriptionDisplayName: String
    public var tenantID: String
    public var resourceGroupName: String
    public var resourceGroupLocation: String
    public var resourceGroupTags: JSONObject
    public var deploymentName: String
    public var now: Date
    public var newGUID: @Sendable () -> String

    public init(
        subscriptionID: String, subscriptionDisplayName: String = "", tenantID: String, resourceGroupName: String,
        resourceGroupLocation: String, resourceGroupTags: JSONObject = JSONObject(), deploymentName: String,
        now: Date = Date(), newGUID: @escaping @Sendable () -> String = { UUID().uuidString.lowercased() }
    ) {
        self.subscriptionID = subscriptionID
        self.subscriptionDisplayName = subscriptionDisplayName
        self.tenantID = tenantID
        self.resourceGroupName = resourceGroupName
        self.resourceGroupLocation = resourceGroupLocation
        self.resourceGroupTags = resourceGroupTags
        self.deploymentName = deploymentName
        self.now = now
        self.newGUID = newGUID
    }

    public var subscriptionResourceID: String { "/subscriptions/\(subscriptionID)" }
    public var resourceGroupID: String { "/subscriptions/\(subscriptionID)/resourceGroups/\(resourceGroupName)" }
}
