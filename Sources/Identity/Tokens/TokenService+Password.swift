/// `grant_type=password` (RFC 6749 section 4.3, Entra's ROPC): a user's UPN and password through a public
/// client (az) or a confidential one with its secret.
extension TokenService {
    func passwordGrant(_ request: TokenRequest) throws(EntraError) -> TokenGrant {
        _ = try request.requiredClientID()
        let username = try request.required("username")
        let password = try request.required("password")
        let scopes = try request.requestedScopes()
        let client = try authenticateUserGrantClient(request, tenant: request.authority.tenant)
        guard let user = directory.user(userPrincipalName: username) else {
            let domain = String(username.drop { $0 != "@" }.dropFirst())
            throw .userNotFound(tenant: request.authority.tenant?.tenantId ?? directory.tenant(domain: domain)?.tenantId ?? domain)
        }
        try checkUser(user, against: request.authority)
        guard user.password == password else { throw .invalidUsernameOrPassword }
        return TokenGrant(
            principal: .user(user), clientID: client.clientID, appidacr: client.appidacr, scopes: scopes,
            issueRefreshToken: request.version == .v1 || scopes.wantsRefreshToken,
            issueIDToken: request.version == .v1 || scopes.wantsIDToken)
    }
}
