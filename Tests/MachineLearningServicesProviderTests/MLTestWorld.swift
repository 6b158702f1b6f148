import ARMCore
import ARMTestSupport
import DependentsProvider
import EmulatorHTTP
import Foundation
import Identity
import ProviderTestSupport
import ResourcesProvider

@testable import MachineLearningServicesProvider

/// Resources + MachineLearningServices + Dependents + Authorization behind the production ARM pipeline, in-process
/// (no socket). The ML service's internal requests go through the same pipeline; it authorizes every
/// request as the emulator does (the operator is Owner of the subscription, the ML service holds
/// `MachineLearningServiceRole`), or none with `enforceRBAC: false` (`--rbac off`).
struct MLTestWorld: ProviderWorld {
    static let subscription = WellKnown.subscriptionId
    static let operatorCaller = Caller.wellKnownOperator

    let base: ProviderTestWorld
    let client: TestClient
    /// Key Vault's secrets data plane over the same store (where connection secrets live).
    let keyVault: KeyVaultDataPlane

    init(
        provisioningDelay: Duration = .zero, linkedAccess: MachineLearningServicesProvider.AccessCheck? = nil, enforceRBAC: Bool = true
    ) throws {
        base = try ProviderTestWorld(provisioningDelay: provisioningDelay)
        let ml = MachineLearningServicesProvider(
            directory: base.directory, store: base.store, operations: base.operations, linkedAccess: linkedAccess,
            internalRequests: base.internalRequests, vaultRequests: base.vaultRequests)
        let resources = ResourcesProvider(
            directory: base.directory, store: base.store, operations: base.operations,
            registrations: [ResourcesProvider.registration, MachineLearningServicesProvider.registration]
                + DependentsProvider.registrations,
            cascades: [ml])
        let dependents = DependentsProvider(store: base.store)
        let routes = resources.routes + ml.routes + dependents.routes + base.authorization.routes
        client = ProviderTestWorld.client(
            base.pipeline(routes: routes, caller: Self.operatorCaller, rbac: enforceRBAC), apiVersion: "2024-10-01")
        keyVault = base.keyVault(dependents, rbac: enforceRBAC)
    }

    // MARK: paths and fixtures

    static func group(_ rg: String) -> String { ARMPath.group(rg, subscription: subscription) }
    static func workspace(_ name: String, rg: String = "rg1") -> String {
        ARMPath.workspace(name, group: rg, subscription: subscription)
    }

    func createGroup(_ rg: String = "rg1", location: String = "eastus") async throws {
        let reply = try await client.send("PUT", Self.group(rg), body: #"{"location":"\#(location)"}"#)
        precondition(reply.status == 201 || reply.status == 200, "group create failed: \(reply.status)")
    }

    /// A resource group `rg1` with hub `hub1` in eastus.
    @discardableResult
    func createHub(_ name: String = "hub1", rg: String = "rg1", extra: String = "") async throws -> TestClient.Reply {
        if store.get(ResourceID(Self.group(rg))!) == nil { try await createGroup(rg) }
        return try await client.send(
            "PUT", Self.workspace(name, rg: rg),
            body: #"{"location":"eastus","kind":"Hub","identity":{"type":"SystemAssigned"},"properties":{"friendlyName":"Hub"\#(extra)}}"#)
    }

    @discardableResult
    func createProject(
        _ name: String = "proj1", hub: String = "hub1", rg: String = "rg1", hubGroup: String = "rg1", extra: String = ""
    ) async throws -> TestClient.Reply {
        try await client.send(
            "PUT", Self.workspace(name, rg: rg),
            body: #"{"kind":"Project","identity":{"type":"SystemAssigned"},"#
                + #""properties":{"hubResourceId":"\#(Self.workspace(hub, rg: hubGroup))"\#(extra)}}"#)
    }
}
