import ARMCore

/// Fifth step of the Key Vault data plane, after route match: the route's data action
/// (`Microsoft.KeyVault/vaults/secrets/getSecret/action`, ...) must be granted to the caller at the
/// secret (or, for a list, the vault) by the RBAC engine, else 403 `Forbidden` with `innererror`
/// `ForbiddenByRbac`. EMULATOR CHOICE (docs/dataplane.md "Key Vault secrets"): every vault is
/// authorized with Azure RBAC, as with `enableRbacAuthorization: true`; access policies are not
/// evaluated. Owner and Contributor hold no data actions.
struct KeyVaultAuthorizationMiddleware: ARMMiddleware {
    /// Whether the caller holds the data action at the scope: the RBAC engine, from the composition root.
    let authorize: @Sendable (_ caller: Caller, _ dataAction: String, _ scope: ResourceID) -> Bool
    let directory: VaultDirectory

    func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        guard let match = request.route, let action = match.route.action, let caller = request.caller,
            let vault = directory.vault(host: match.parameters.required("vaultHost"))
        else { return try await next.respond(to: request) }
        let scope = match.parameters["secretName"].map { vault.id.child(type: "secrets", name: $0) } ?? vault.id
        guard authorize(caller, action, scope) else {
            throw ARMError.keyVaultForbiddenByRbac(caller: caller, action: action, scope: scope.description, vault: vault.id.name)
        }
        return try await next.respond(to: request)
    }
}
