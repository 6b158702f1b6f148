import ARMCore
import Identity

extension Caller {
    /// The well-known operator service principal as the authentication step would set it: the
    /// caller of the in-process test pipelines (Owner of the default subscription in the emulator).
    package static let wellKnownOperator = Caller(
        objectId: WellKnown.operatorObjectId, tenantId: WellKnown.tenantId, appId: WellKnown.operatorClientId,
        principalType: .servicePrincipal, displayName: WellKnown.operatorDisplayName)
}
