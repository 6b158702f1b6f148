import ARMCore

/// Second step of the Key Vault data plane: the host in `/dataplane/{vaultName}.vault.azure.net/`
/// must name a vault of this emulator (vault names are global), else 404 `VaultNotFound`, as the
/// accounts' data plane answers an unknown subdomain.
struct VaultHostMiddleware: ARMMiddleware {
    let directory: VaultDirectory

    func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        let host = request.segments.count > 1 ? request.segments[1] : ""
        guard directory.vault(host: host) != nil else { throw ARMError.unknownVaultHost(host) }
        return try await next.respond(to: request)
    }
}
