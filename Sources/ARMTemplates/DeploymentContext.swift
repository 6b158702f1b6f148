import ARMCore
import Foundation
import JSON

/// What a deployment knows about where it runs: the values behind `subscription()`,
/// `resourceGroup()`, `deployment()` and `tenant()`, plus the clock and GUID source for `utcNow()`
/// and `newGuid()` (injected so tests are deterministic).
package struct DeploymentContext: Sendable {
    package var subscriptionID: String
    package var subscriptionDisplayName: String
    package var tenantID: String
    package var resourceGroupName: String
    package var resourceGroupLocation: String
    package var resourceGroupTags: JSONObject
    package var deploymentName: String
    package var now: Date
    package var newGUID: @Sendable () -> String

    package init(
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

    package var subscriptionResourceID: String { "/subscriptions/\(subscriptionID)" }
    package var resourceGroupID: String { "/subscriptions/\(subscriptionID)/resourceGroups/\(resourceGroupName)" }
}
