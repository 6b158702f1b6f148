/// `grant_type=client_credentials` (RFC 6749 section 4.4): a service principal and its secret. v2 needs
/// `scope={resource}/.default`; v1 takes `resource`.
extension TokenService {
    func clientCredentialsGrant(_ request: TokenRequest) throws(EntraError) -> TokenGrant {
        _ = try request.requiredClientID()
        let scopeField = request.version == .v2 ? try request.required("scope") : nil
        let tenant: Tenant?
        switch request.authority {
        case .common: throw .grantNotSupportedOnCommon
        // Entra needs a tenant for app tokens; we take the principal's home tenant instead of failing.
        case .organizations: tenant = nil
        case .tenant(let named): tenant = named
        }
        let principal = try authenticateConfidentialClient(request, tenant: tenant)
        let scopes: RequestedScopes
        if let scopeField {
            scopes = try RequestedScopes(scope: scopeField)
            guard scopes.isDefaultScope else { throw .invalidClientCredentialsScope(scopeField) }
        } else {
            scopes = RequestedScopes(resource: try request.required("resource"), scope: nil)
        }
        return TokenGrant(
            principal: .servicePrincipal(principal), clientID: principal.appId, appidacr: "1", scopes: scopes,
            issueRefreshToken: false, issueIDToken: false)
    }
}
