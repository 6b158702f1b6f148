import ARMCore
import Authorization
import DependentsProvider
import Identity

extension Emulator {
    /// Key Vault's secrets data plane (docs/dataplane.md "Key Vault secrets"), with the token
    /// service's validation and, unless `--rbac off`, the RBAC engine's data-action decisions. Built
    /// here because they come from targets the Dependents provider does not import. The provider
    /// tests build theirs with this function too.
    package static func keyVaultDataPlane(
        _ dependents: DependentsProvider, validator: TokenValidator, evaluator: AccessEvaluator?, faults: FaultInjector
    ) -> KeyVaultDataPlane {
        let validate: @Sendable (String) -> Caller? = { token in try? validator.validate(bearer: token) }
        var authorize: (@Sendable (Caller, String, ResourceID) -> Bool)?
        if let evaluator {
            authorize = { caller, action, scope in
                evaluator.decide(principalId: caller.objectId, action: action, isDataAction: true, scope: scope).allowed
            }
        }
        return KeyVaultDataPlane(
            provider: dependents, validate: validate, authorize: authorize, defaultTenantID: WellKnown.tenantId, faults: faults)
    }
}
