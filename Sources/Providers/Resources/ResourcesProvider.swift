import ARMCore
import Foundation
import Identity

/// Microsoft.Resources, the part of ARM the emulator serves itself: subscriptions, tenants,
/// locations, resource groups, generic resource lists and resource provider registrations.
///
/// Template deployments live in `+Deployments*.swift`.
///
/// Limitations (LocalStack style): resource-group `exportTemplate`, `moveResources`, tag resources
/// (`Microsoft.Resources/tags`), resource locks and by-id generic operations are not served;
/// the ones clients call answer 501.
package struct ResourcesProvider: Sendable {
    let directory: Directory
    let store: ResourceStore
    let operations: LongRunningOperations
    /// Every namespace the emulator serves, this one included.
    let registrations: [ResourceProviderRegistration]
    let now: @Sendable () -> Date
    /// Template deployments create their resources through the ARM pipeline with this.
    let internalRequests: InternalRequests
    /// Providers' clean-up when a resource group goes (identities, links and role assignments
    /// outside the group); see `ResourceGroupCascade`.
    let cascades: [any ResourceGroupCascade]

    package init(
        directory: Directory, store: ResourceStore, operations: LongRunningOperations,
        registrations: [ResourceProviderRegistration], internalRequests: InternalRequests = InternalRequests(),
        cascades: [any ResourceGroupCascade] = [], now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.internalRequests = internalRequests
        self.cascades = cascades
        self.directory = directory
        self.store = store
        self.operations = operations
        self.registrations = registrations
        self.now = now
    }

    /// api-versions newest first; any well-formed version is accepted, these are what
    /// `GET /providers` advertises (docs/azure-behaviours.md "api-versions the emulator advertises").
    static let resourceAPIVersions = ["2025-04-01", "2024-11-01", "2024-07-01", "2024-03-01", "2023-07-01", "2022-09-01", "2021-04-01"]
    static let subscriptionAPIVersions = ["2022-12-01", "2021-01-01", "2020-01-01", "2019-11-01", "2016-06-01"]

    package static let registration = ResourceProviderRegistration(
        namespace: "Microsoft.Resources",
        resourceTypes: [
            .init(name: "subscriptions", apiVersions: subscriptionAPIVersions),
            .init(name: "tenants", apiVersions: subscriptionAPIVersions),
            .init(name: "resourceGroups", apiVersions: resourceAPIVersions, capabilities: "SupportsTags, SupportsLocation"),
            .init(name: "subscriptions/resourceGroups", apiVersions: resourceAPIVersions),
            .init(name: "subscriptions/locations", apiVersions: subscriptionAPIVersions),
            .init(name: "subscriptions/resources", apiVersions: resourceAPIVersions),
            .init(name: "subscriptions/resourceGroups/resources", apiVersions: resourceAPIVersions),
            .init(name: "subscriptions/providers", apiVersions: resourceAPIVersions),
            .init(name: "subscriptions/operationresults", apiVersions: resourceAPIVersions),
            .init(name: "deployments", apiVersions: resourceAPIVersions),
            .init(name: "deployments/operations", apiVersions: resourceAPIVersions),
        ])

    /// Microsoft.Features, served by this provider (`+Features.swift`).
    package static let featuresRegistration = ResourceProviderRegistration(
        namespace: "Microsoft.Features",
        resourceTypes: [
            .init(name: "features", apiVersions: ["2021-07-01", "2015-12-01"]),
            .init(name: "providers", apiVersions: ["2021-07-01", "2015-12-01"]),
        ])

    package var routes: [Route] {
        subscriptionRoutes + resourceGroupRoutes + genericResourceRoutes + providerRoutes + featureRoutes + deploymentRoutes
    }
}
