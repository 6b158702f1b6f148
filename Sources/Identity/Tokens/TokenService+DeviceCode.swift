import ARMCore
import JSON

/// The device authorization grant (RFC 8628). The emulator cannot show a browser, so every code is
/// approved at once: for the user named by the `login_hint` form field, else the well-known user
/// (or, in another tenant, that tenant's first user). The first token poll therefore succeeds and
/// `authorization_pending` is never answered.
extension TokenService {
    /// `POST /{tenant}/oauth2/v2.0/devicecode` (and v1 `/oauth2/devicecode` with `resource`).
    func deviceAuthorization(_ request: TokenRequest) throws(EntraError) -> JSONValue {
        let clientID = try request.requiredClientID()
        let scopes = try request.requestedScopes()
        let client = try authenticateUserGrantClient(request, tenant: request.authority.tenant)
        let user = try approvingUser(for: request)
        let issuedAt = currentSeconds()
        let deviceCode = mintDeviceCode(for: user, clientID: client.clientID, scope: scopes.serialized, issuedAt: issuedAt)
        let userCode = TokenService.newUserCode()
        let verificationURI = "\(request.baseURL)/\(request.authority.pathSegment)/oauth2/deviceauth"
        // Entra's sentence, then what the emulator did instead of waiting for a browser.
        let message =
            "To sign in, use a web browser to open the page \(verificationURI) and enter the code \(userCode) to authenticate."
            + " (foundry-emulator has already approved this code for \(user.userPrincipalName); client \(clientID).)"
        switch request.version {
        case .v2:
            return .object(
                JSONObject([
                    ("user_code", .string(userCode)),
                    ("device_code", .string(deviceCode)),
                    ("verification_uri", .string(verificationURI)),
                    ("expires_in", .int(Int64(WellKnown.deviceCodeLifetime))),
                    ("interval", .int(Int64(WellKnown.deviceCodeInterval))),
                    ("message", .string(message)),
                ]))
        case .v1:
            return .object(
                JSONObject([
                    ("user_code", .string(userCode)),
                    ("device_code", .string(deviceCode)),
                    ("verification_url", .string(verificationURI)),
                    ("expires_in", .string(String(WellKnown.deviceCodeLifetime))),
                    ("interval", .string(String(WellKnown.deviceCodeInterval))),
                    ("message", .string(message)),
                ]))
        }
    }

    /// `grant_type=urn:ietf:params:oauth:grant-type:device_code` (RFC 8628 section 3.4). MSAL sends no scope
    /// here: the scopes are those of the device authorization request, which the code carries.
    func deviceCodeGrant(_ request: TokenRequest) throws(EntraError) -> TokenGrant {
        _ = try request.requiredClientID()
        // ADAL (v1) sends the device code as `code`.
        var code = request.field("device_code")
        if code == nil, request.version == .v1 { code = request.field("code") }
        guard let code else { throw .missingParameter("device_code") }
        let claims = try verifyOwnToken(code, use: "device_code", skew: 0, invalid: .invalidGrant) { _ in .deviceCodeExpired }
        guard let objectID = claims.oid, let user = directory.user(objectId: objectID) else {
            throw .userNotFound(tenant: claims.tid ?? request.authority.pathSegment)
        }
        let client = try authenticateUserGrantClient(request, tenant: directory.tenant(id: user.tenantId))
        guard client.clientID == claims.azp?.lowercased() else { throw .invalidGrant }
        try checkUser(user, against: request.authority)
        var scopes = try RequestedScopes(scope: claims.scope ?? "")
        if request.version == .v2, let scope = request.field("scope") { scopes = try RequestedScopes(scope: scope) }
        try redeem(claims)
        return TokenGrant(
            principal: .user(user), clientID: client.clientID, appidacr: client.appidacr, scopes: scopes,
            issueRefreshToken: request.version == .v1 || scopes.wantsRefreshToken,
            issueIDToken: request.version == .v1 || scopes.wantsIDToken)
    }

    /// The user the code is approved for.
    private func approvingUser(for request: TokenRequest) throws(EntraError) -> User {
        if let hint = request.field("login_hint") {
            guard let user = directory.user(userPrincipalName: hint) else {
                throw .userNotFound(tenant: request.authority.tenant?.tenantId ?? request.authority.pathSegment)
            }
            try checkUser(user, against: request.authority)
            return user
        }
        let tenantID = request.authority.tenant?.tenantId ?? WellKnown.tenantId
        if tenantID == WellKnown.tenantId, let user = directory.user(objectId: WellKnown.userObjectId) { return user }
        guard let user = directory.users.first(where: { $0.tenantId == tenantID }) else {
            throw .userNotFound(tenant: tenantID)
        }
        return user
    }

    /// Marks a device code as used; a second exchange is `invalid_grant`. Expired entries are
    /// dropped on the way, which bounds the set.
    private func redeem(_ claims: JWTClaims) throws(EntraError) {
        guard let tokenID = claims.uti else { throw .invalidGrant }
        let seconds = currentSeconds()
        let fresh = redeemedDeviceCodes.withLock { redeemed in
            redeemed = redeemed.filter { $0.value >= seconds }
            return redeemed.updateValue(claims.exp ?? seconds, forKey: tokenID) == nil
        }
        guard fresh else { throw .invalidGrant }
    }

    /// Nine upper-case letters and digits, like Entra's user codes (no 0/O/1/I to stay readable).
    static func newUserCode() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<9).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
