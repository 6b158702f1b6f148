import ARMCore
import AuthorizationProvider
import DataPlane
import Foundation
import Identity
import InsightsProvider
import JSON
import Persistence

/// The emulated world: the directory, every stored resource and the operations in flight, plus
/// the facts `GET /_emulator/info` reports. `reset()` returns it to the seeded state.
final class EmulatorWorld: Sendable {
    let config: EmulatorConfig
    let directory: Directory
    let identity: IdentityService
    let store: ResourceStore
    let operations: LongRunningOperations
    let faults: FaultInjector
    let certificatePath: String
    /// The RBAC face: re-seeds the operator's Owner assignment on reset; `checkAccess` uses its engine.
    let authorization: AuthorizationProvider
    /// The data directory's journal, with `--data-dir`.
    let persistence: Persistence?
    let dataPlane: DataPlane
    let activityLog: ActivityLog
    let activityRecorder: ActivityLogRecorder

    init(
        config: EmulatorConfig, directory: Directory, identity: IdentityService, store: ResourceStore,
        operations: LongRunningOperations, faults: FaultInjector, certificatePath: String,
        authorization: AuthorizationProvider, persistence: Persistence? = nil, dataPlane: DataPlane, activityLog: ActivityLog,
        activityRecorder: ActivityLogRecorder
    ) {
        self.activityLog = activityLog
        self.activityRecorder = activityRecorder
        self.persistence = persistence
        self.dataPlane = dataPlane
        self.config = config
        self.directory = directory
        self.identity = identity
        self.store = store
        self.operations = operations
        self.faults = faults
        self.certificatePath = certificatePath
        self.authorization = authorization
    }

    /// Back to the seeded world; fault rules are part of the world a test set up, so they go too.
    func reset() {
        faults.removeAll()
        dataPlane.reset()
        operations.reset()
        activityRecorder.reset()
        activityLog.reset()
        store.reset()
        directory.reset()
        authorization.seed()
    }

    /// docs/reference.md "The well-known world": what scripts need to log in.
    func info(baseURL: String) -> JSONValue {
        .object(
            JSONObject([
                ("tenantId", .string(WellKnown.tenantId)),
                ("subscriptionId", .string(WellKnown.subscriptionId)),
                ("resourceManagerUrl", .string(baseURL + "/")),
                ("authorityUrl", .string(baseURL)),
                ("metadataUrl", .string(baseURL + "/metadata/endpoints?api-version=2022-09-01")),
                ("certificatePath", .string(certificatePath)),
                (
                    "operator",
                    .object(
                        JSONObject([
                            ("clientId", .string(WellKnown.operatorClientId)),
                            ("clientSecret", .string(WellKnown.operatorClientSecret)),
                            ("objectId", .string(WellKnown.operatorObjectId)),
                        ]))
                ),
                (
                    "user",
                    .object(
                        JSONObject([
                            ("userPrincipalName", .string(WellKnown.userPrincipalName)),
                            ("password", .string(WellKnown.userPassword)),
                            ("objectId", .string(WellKnown.userObjectId)),
                        ]))
                ),
                (
                    "managedIdentity",
                    .object(
                        JSONObject([
                            ("identityEndpoint", .string(baseURL + "/msi/token")),
                            ("identityHeader", .string(WellKnown.identityHeader)),
                        ]))
                ),
                ("rbac", .string(config.rbac.rawValue)),
                ("provisioningDelayMs", .int(Int64(config.provisioningDelayMilliseconds))),
                ("version", .string(Emulator.version)),
            ]))
    }
}
