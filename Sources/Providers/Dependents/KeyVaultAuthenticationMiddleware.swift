import ARMCore
import Foundation

/// Third step of the Key Vault data plane: an Entra access token for `https://vault.azure.net`
/// (https://learn.microsoft.com/azure/key-vault/general/authentication-requests-and-responses).
/// Without one, 401 with the bearer challenge that azure-keyvault-* answer by asking for that
/// audience in the tenant it names (the vault's `tenantId`). Requests the emulator sends itself
/// (`InternalRequests`, the Machine Learning service's connection secrets) arrive with their caller.
struct KeyVaultAuthenticationMiddleware: ARMMiddleware {
    /// The audience Key Vault tokens must carry, and the resource its challenge names.
    static let audience = "https://vault.azure.net"

    /// The caller of a valid access token (signature, expiry, tenant), nil otherwise: the token
    /// service's validator, handed in by the composition root.
    let validate: @Sendable (String) -> Caller?
    let directory: VaultDirectory
    let defaultTenantID: String

    func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        if request.isInternal, request.caller != nil { return try await next.respond(to: request) }
        let host = request.segments.count > 1 ? request.segments[1] : ""
        let tenant = directory.vault(host: host)?.body["properties"]?["tenantId"]?.stringValue ?? defaultTenantID
        guard let header = request.headers["Authorization"], let token = AuthorizationHeader.bearerValue(header) else {
            throw ARMError.keyVaultMissingToken(tenantID: tenant)
        }
        guard let caller = validate(token) else {
            throw ARMError.keyVaultInvalidToken(tenantID: tenant)
        }
        let audience = caller.audience ?? ""
        let bare = audience.hasSuffix("/") ? String(audience.dropLast()) : audience
        guard bare.lowercased() == Self.audience else {
            throw ARMError.keyVaultInvalidAudience(found: audience, tenantID: tenant)
        }
        var request = request
        request.caller = caller
        return try await next.respond(to: request)
    }
}
