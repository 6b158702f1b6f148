import ARMCore
import ARMTestSupport
import Authorization
import AuthorizationProvider
import ControlPlaneProxy
import DependentsProvider
import Emulator
import Identity
import InsightsProvider
import MachineLearningServicesProvider

/// What the production ARM pipeline needs around the providers under test, made as `Emulator.init`
/// makes it: the directory, a store that requires resource groups, long-running operations, the
/// RBAC engine (its first-party roles as in production) with the operator's and the default user's Owner assignments, the activity log and
/// the fault injector. `pipeline(routes:)` puts the routes behind the pipeline `Emulator.armPipeline`
/// builds, with `TestAuthenticator` in the authentication slot only.
package struct ProviderTestWorld: Sendable {
    package let directory: Directory
    package let store: ResourceStore
    package let operations: LongRunningOperations
    package let evaluator: AccessEvaluator
    package let authorization: AuthorizationProvider
    package let activityLog: ActivityLog
    package let faults: FaultInjector
    /// Connected to the pipeline `pipeline(routes:)` builds, for providers that send internal requests.
    package let internalRequests: InternalRequests
    /// Connected to the Key Vault data plane `keyVault(_:rbac:)` builds (the ML service's connection secrets).
    package let vaultRequests: InternalRequests
    /// Mints real tokens (the well-known signing key) for the Key Vault data plane's tests.
    package let identity: IdentityService

    package init(provisioningDelay: Duration = .zero) throws {
        directory = try Directory(seedPath: nil)
        store = ResourceStore(requiresResourceGroups: true)
        operations = LongRunningOperations(provisioningDelay: provisioningDelay)
        evaluator = AccessEvaluator(
            store: store,
            firstPartyRoles: [
                WellKnown.hubProxyObjectId: HubProxyRole.definition,
                WellKnown.machineLearningServiceObjectId: MachineLearningServiceRole.definition,
            ],
            groupMemberships: { [directory] principal in directory.transitiveGroupIds(of: principal) })
        authorization = try AuthorizationProvider(directory: directory, store: store, evaluator: evaluator)
        authorization.seed()
        activityLog = ActivityLog()
        faults = FaultInjector()
        internalRequests = InternalRequests()
        vaultRequests = InternalRequests()
        identity = IdentityService(directory: directory, signingKey: .wellKnown)
    }

    /// Key Vault's secrets data plane as `Emulator.init` builds it, real token validation included;
    /// `vaultRequests` go through it. `rbac: false` is `--rbac off`.
    package func keyVault(_ dependents: DependentsProvider, rbac: Bool = true) -> KeyVaultDataPlane {
        let keyVault = Emulator.keyVaultDataPlane(
            dependents, validator: identity.validator, evaluator: rbac ? evaluator : nil, faults: faults)
        vaultRequests.connect(to: keyVault.pipeline)
        return keyVault
    }

    /// The production pipeline around `routes` (the operations' routes are added); internal
    /// requests go through it. `rbac: false` is `--rbac off`.
    package func pipeline(routes: [Route], caller: Caller = .wellKnownOperator, rbac: Bool = true) -> ARMPipeline {
        let router = Router(routes: routes + operations.routes)
        let pipeline = Emulator.armPipeline(
            router: router, authentication: TestAuthenticator(directory: directory, defaultCaller: caller), directory: directory,
            store: store, recorder: ActivityLogRecorder(log: activityLog, operations: operations), evaluator: rbac ? evaluator : nil,
            faults: faults)
        internalRequests.connect(to: pipeline)
        return pipeline
    }

    /// A `TestClient` on `pipeline`, whose calls carry `apiVersion` unless they name their own.
    package static func client(_ pipeline: ARMPipeline, apiVersion: String?) -> TestClient {
        TestClient(apiVersion: apiVersion) { request in await pipeline.handle(request) }
    }
}
