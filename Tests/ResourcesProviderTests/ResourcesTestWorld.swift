import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Foundation
import Identity
import ProviderTestSupport

@testable import ResourcesProvider

/// The Resources provider behind the production ARM pipeline, in-process (no socket), as docs/architecture.md "A request's way" describes;
/// `otherRoutes` stand in for other providers' operations.
struct ResourcesTestWorld: ProviderWorld {
    static let subscription = WellKnown.subscriptionId
    static let operatorCaller = Caller.wellKnownOperator

    let base: ProviderTestWorld
    let client: TestClient

    /// A namespace the generic listing tests store resources of: listings show declared types only.
    static let storage = ResourceProviderRegistration(
        namespace: "Microsoft.Storage", resourceTypes: [.init(name: "storageAccounts", apiVersions: ["2023-05-01"])])

    init(
        provisioningDelay: Duration = .zero, caller: Caller = operatorCaller, cascades: [any ResourceGroupCascade] = [],
        registrations: [ResourceProviderRegistration] = [ResourcesProvider.registration, Self.storage], otherRoutes: [Route] = []
    ) throws {
        base = try ProviderTestWorld(provisioningDelay: provisioningDelay)
        let provider = ResourcesProvider(
            directory: base.directory, store: base.store, operations: base.operations, registrations: registrations,
            cascades: cascades)
        client = ProviderTestWorld.client(base.pipeline(routes: provider.routes + otherRoutes, caller: caller), apiVersion: "2024-11-01")
    }

    var groups: String { ARMPath.subscription(Self.subscription) + "/resourceGroups" }
}
