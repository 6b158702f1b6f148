import ARMCore
import Foundation
import JSON
import Synchronization

/// Entra's token endpoint (RFC 6749 section 3.2) and device authorization endpoint (RFC 8628 section 3.1), and
/// the tokens they mint. Every token is an RS256 JWT signed with the emulator's key, refresh tokens
/// and device codes included, so they need no server state and survive a restart.
final class TokenService: Sendable {
    let directory: Directory
    let signingKey: SigningKey
    let now: @Sendable () -> Date
    /// Device codes already exchanged (`uti` -> `exp`): RFC 8628 section 3.4, a code yields one token response.
    let redeemedDeviceCodes = Mutex<[String: Int]>([:])

    init(directory: Directory, signingKey: SigningKey, now: @escaping @Sendable () -> Date) {
        self.directory = directory
        self.signingKey = signingKey
        self.now = now
    }

    /// `POST /{tenant}/oauth2/v2.0/token` and `/{tenant}/oauth2/token`: the response body (RFC 6749 section 5.1).
    func token(_ request: TokenRequest) throws(EntraError) -> JSONValue {
        let grantType = try request.required("grant_type")
        let grant: TokenGrant
        switch grantType {
        case "client_credentials": grant = try clientCredentialsGrant(request)
        case "password": grant = try passwordGrant(request)
        case "refresh_token": grant = try refreshTokenGrant(request)
        // ADAL (v1) spells the device-code grant `device_code`.
        case "urn:ietf:params:oauth:grant-type:device_code", "device_code": grant = try deviceCodeGrant(request)
        default: throw .unsupportedGrantType(grantType)
        }
        return response(for: grant, request: request)
    }

    /// The success body. v2 numbers are JSON numbers; v1 sends every number as a string, as Entra's
    /// v1 endpoint does.
    func response(for grant: TokenGrant, request: TokenRequest) -> JSONValue {
        let issuedAt = currentSeconds()
        let scp: String? = if case .user = grant.principal { grant.scopes.delegatedPermissions } else { nil }
        let accessToken = mintAccessToken(
            for: grant.principal, audience: grant.scopes.audience, clientID: grant.clientID, appidacr: grant.appidacr, scp: scp,
            issuedAt: issuedAt, lifetime: WellKnown.accessTokenLifetime)
        var body = JSONObject()
        body["token_type"] = "Bearer"
        switch request.version {
        case .v2:
            body["scope"] = .string(grant.scopes.responseScope)
            body["expires_in"] = .int(Int64(WellKnown.expiresIn))
            body["ext_expires_in"] = .int(Int64(WellKnown.expiresIn))
        case .v1:
            if let scp { body["scope"] = .string(scp) }
            body["expires_in"] = .string(String(WellKnown.expiresIn))
            body["ext_expires_in"] = .string(String(WellKnown.expiresIn))
            body["expires_on"] = .string(String(issuedAt + WellKnown.accessTokenLifetime))
            body["not_before"] = .string(String(issuedAt))
            body["resource"] = .string(grant.scopes.audience)
        }
        body["access_token"] = .string(accessToken)
        if case .user(let user) = grant.principal {
            if grant.issueRefreshToken {
                body["refresh_token"] = .string(
                    mintRefreshToken(for: user, clientID: grant.clientID, scopes: grant.scopes, issuedAt: issuedAt))
            }
            if grant.issueIDToken {
                body["id_token"] = .string(mintIDToken(for: user, clientID: grant.clientID, baseURL: request.baseURL, issuedAt: issuedAt))
            }
            if request.wantsClientInfo {
                body["client_info"] = .string(TokenService.clientInfo(for: user))
            }
        }
        return .object(body)
    }

    func currentSeconds() -> Int { Int(now().timeIntervalSince1970.rounded(.down)) }

    /// MSAL's `client_info`: base64url of `{"uid":oid,"utid":tid}`, the account's home ids.
    static func clientInfo(for user: User) -> String {
        Base64URL.encode("{\"uid\":\"\(user.objectId)\",\"utid\":\"\(user.tenantId)\"}")
    }
}
