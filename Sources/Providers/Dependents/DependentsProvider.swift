import ARMCore
import Foundation

/// Minimal `Microsoft.Storage/storageAccounts` (with `blobServices/default/containers`),
/// `Microsoft.KeyVault/vaults` (with `secrets`), `Microsoft.ContainerRegistry/registries` and
/// `Microsoft.Insights/components` (with the `Microsoft.OperationalInsights/workspaces` azure-ai-ml's
/// template makes for it): the resources a hub depends on (docs/azure-behaviours.md "Dependent resources of a hub"), so that they are
/// real resources with the ARM envelope, visible in resource lists and deletable by id.
///
/// Storage account and vault names are global (`checkNameAvailability`); storage accounts have
/// access keys (`listKeys`, `regenerateKey`); vaults are soft-deleted (`deletedVaults`, purge,
/// recover).
///
/// Data plane: Key Vault's secrets (`KeyVaultDataPlane`, docs/dataplane.md "Key Vault secrets").
/// Limitations (LocalStack style): no other data planes (blobs, keys, certificates, images,
/// telemetry), no SAS, no network rules. PATCH and the other operations answer 501.
///
/// The Machine Learning service creates hubs' storage accounts and vaults and projects' containers
/// with internal requests to these routes, and sets, reads and deletes connection secrets with
/// internal requests to the secrets data plane, as its first-party principal
/// (docs/hubs-and-projects.md), so they get the bodies below like any client's.
package struct DependentsProvider: Sendable, RouteProvider {
    let store: ResourceStore
    let now: @Sendable () -> Date

    package init(store: ResourceStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.now = now
    }

    /// One registration per namespace, for `GET /subscriptions/{s}/providers`.
    package static var registrations: [ResourceProviderRegistration] {
        [
            ResourceProviderRegistration(
                namespace: "Microsoft.Storage",
                resourceTypes: [
                    DependentType.storageAccounts.registration,
                    .init(name: "storageAccounts/blobServices", apiVersions: DependentType.storageAccounts.apiVersions),
                    .init(name: "storageAccounts/blobServices/containers", apiVersions: DependentType.storageAccounts.apiVersions),
                    .init(name: "checkNameAvailability", apiVersions: DependentType.storageAccounts.apiVersions),
                ]),
            ResourceProviderRegistration(
                namespace: "Microsoft.KeyVault",
                resourceTypes: [
                    DependentType.vaults.registration,
                    .init(name: "vaults/secrets", apiVersions: DependentType.vaults.apiVersions),
                    .init(name: "deletedVaults", apiVersions: DependentType.vaults.apiVersions),
                    .init(name: "locations/deletedVaults", apiVersions: DependentType.vaults.apiVersions),
                    .init(name: "checkNameAvailability", apiVersions: DependentType.vaults.apiVersions),
                ]),
            ResourceProviderRegistration(namespace: "Microsoft.ContainerRegistry", resourceTypes: [DependentType.registries.registration]),
            ResourceProviderRegistration(namespace: "Microsoft.Insights", resourceTypes: [DependentType.components.registration]),
            ResourceProviderRegistration(
                namespace: "Microsoft.OperationalInsights", resourceTypes: [DependentType.logAnalyticsWorkspaces.registration]),
        ]
    }

    package var routes: [Route] {
        DependentType.all.flatMap(trackedRoutes(for:)) + containerRoutes + secretRoutes + nameAvailabilityRoutes + storageKeyRoutes
            + deletedVaultRoutes
    }

    static let resourceGroupPattern = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"

    /// The existing parent of a child route (a storage account, a vault): 404 `ResourceNotFound`
    /// when it is missing (a missing resource group was answered before, by `ResourceGroupMiddleware`).
    func requireParent(_ request: ARMRequest, type: String) throws -> ResourceID {
        let id = request.resourceID.enclosing(type)
        _ = try store.require(id)
        return id
    }
}
