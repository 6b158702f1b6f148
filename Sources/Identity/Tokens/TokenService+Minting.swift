import Foundation

/// The tokens the service signs. Access tokens look like the v1 tokens ARM receives
/// (docs/azure-behaviours.md "Access-token claims"); id_tokens are v2 (aud = client id, iss = this server's v2 issuer).
extension TokenService {
    func mintAccessToken(
        for principal: Principal, audience: String, clientID: String?, appidacr: String?, scp: String?,
        issuedAt: Int, lifetime: Int
    ) -> String {
        var claims = JWTClaims()
        claims.aud = audience
        claims.iss = "https://sts.windows.net/\(principal.tenantId)/"
        claims.iat = issuedAt
        claims.nbf = issuedAt
        claims.exp = issuedAt + lifetime
        claims.tid = principal.tenantId
        claims.oid = principal.objectId
        claims.sub = principal.objectId
        claims.ver = "1.0"
        claims.uti = TokenService.newTokenID()
        switch principal {
        case .servicePrincipal(let app):
            claims.appid = app.appId
            claims.azp = app.appId
            claims.appidacr = "1"
            claims.idtyp = "app"
        case .managedIdentity(let identity):
            claims.appid = identity.clientId
            claims.azp = identity.clientId
            claims.appidacr = "2"
            claims.idtyp = "app"
            claims.xmsMirid = identity.resourceId
        case .user(let user):
            let client = clientID ?? WellKnown.azureCLIClientId
            claims.appid = client
            claims.azp = client
            claims.appidacr = appidacr ?? "0"
            claims.idtyp = "user"
            claims.upn = user.userPrincipalName
            claims.uniqueName = user.userPrincipalName
            claims.name = user.displayName
            claims.scp = scp ?? "user_impersonation"
            claims.amr = ["pwd"]
        }
        return JWT(claims: claims).signed(with: signingKey)
    }

    func mintIDToken(for user: User, clientID: String, baseURL: String, issuedAt: Int) -> String {
        var claims = JWTClaims()
        claims.aud = clientID
        claims.iss = "\(baseURL)/\(user.tenantId)/v2.0"
        claims.iat = issuedAt
        claims.nbf = issuedAt
        claims.exp = issuedAt + WellKnown.accessTokenLifetime
        claims.tid = user.tenantId
        claims.oid = user.objectId
        claims.sub = user.objectId
        claims.name = user.displayName
        claims.preferredUsername = user.userPrincipalName
        claims.ver = "2.0"
        claims.uti = TokenService.newTokenID()
        return JWT(claims: claims).signed(with: signingKey)
    }

    /// Our refresh tokens are signed JWTs of our own shape: bound to the user, the client and the
    /// scopes granted; good for 90 days; marked `fe_use: refresh` so ARM refuses them as bearer tokens.
    func mintRefreshToken(for user: User, clientID: String, scopes: RequestedScopes, issuedAt: Int) -> String {
        var claims = JWTClaims()
        claims.use = "refresh"
        claims.iat = issuedAt
        claims.exp = issuedAt + WellKnown.refreshTokenLifetime
        claims.tid = user.tenantId
        claims.oid = user.objectId
        claims.azp = clientID
        claims.scope = scopes.serialized
        claims.uti = TokenService.newTokenID()
        return JWT(claims: claims).signed(with: signingKey)
    }

    /// RFC 8628 section 3.2 `device_code`: a signed JWT naming the approved user, the client and the scopes.
    func mintDeviceCode(for user: User, clientID: String, scope: String, issuedAt: Int) -> String {
        var claims = JWTClaims()
        claims.use = "device_code"
        claims.iat = issuedAt
        claims.exp = issuedAt + WellKnown.deviceCodeLifetime
        claims.tid = user.tenantId
        claims.oid = user.objectId
        claims.azp = clientID
        claims.scope = scope
        claims.uti = TokenService.newTokenID()
        return JWT(claims: claims).signed(with: signingKey)
    }

    /// Verifies one of our own refresh tokens or device codes.
    func verifyOwnToken(
        _ token: String, use: String, skew: Int, invalid: EntraError, expired: (JWTClaims?) -> EntraError
    ) throws(EntraError) -> JWTClaims {
        let jwt: JWT
        do {
            jwt = try JWT.verify(token, keys: [signingKey], isKnownTenant: directory.isKnownTenant, now: now(), skew: skew)
        } catch {
            if case .expired = error { throw expired(try? JWT.decodeUnverified(token).claims) }
            throw invalid
        }
        guard jwt.claims.use == use else { throw invalid }
        return jwt.claims
    }

    /// 16 random bytes, base64url: the shape of Entra's `uti`.
    static func newTokenID() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
