import Foundation

/// `grant_type=refresh_token` (RFC 6749 section 6). Our refresh tokens are signed JWTs, so one issued
/// before a restart (same signing key) still works. A new refresh token comes back every time.
extension TokenService {
    func refreshTokenGrant(_ request: TokenRequest) throws(EntraError) -> TokenGrant {
        _ = try request.requiredClientID()
        let token = try request.required("refresh_token")
        let claims = try verifyOwnToken(token, use: "refresh", skew: 0, invalid: .malformedRefreshToken) { claims in
            .refreshTokenExpired(issued: UTCTime.roundTrip(Date(timeIntervalSince1970: TimeInterval(claims?.iat ?? 0))))
        }
        let granted = (try? RequestedScopes(scope: claims.scope ?? "")) ?? RequestedScopes()
        guard let objectID = claims.oid, let user = directory.user(objectId: objectID) else {
            throw .userNotFound(tenant: claims.tid ?? request.authority.pathSegment)
        }
        let client = try authenticateUserGrantClient(request, tenant: directory.tenant(id: user.tenantId))
        // A refresh token is bound to the client it was issued to.
        guard client.clientID == claims.azp?.lowercased() else { throw .invalidGrant }
        try checkUser(user, against: request.authority)
        var scopes = granted
        switch request.version {
        case .v2:
            if let scope = request.field("scope") { scopes = try RequestedScopes(scope: scope) }
        case .v1:
            if let resource = request.field("resource") { scopes = RequestedScopes(resource: resource, scope: request.field("scope")) }
        }
        return TokenGrant(
            principal: .user(user), clientID: client.clientID, appidacr: client.appidacr, scopes: scopes,
            issueRefreshToken: true,
            issueIDToken: request.version == .v1 || scopes.wantsIDToken || granted.wantsIDToken)
    }
}
