import ARMCore
import EmulatorHTTP
import Foundation

/// The Entra ID face of the emulator, all unauthenticated (docs/architecture.md "A request's way"); the route
/// table is `IdentityService+Routes.swift`:
/// - `GET /{tenant}/v2.0/.well-known/openid-configuration`, `GET /{tenant}/.well-known/openid-configuration`
/// - `GET /{tenant}/discovery/v2.0/keys`, `/{tenant}/discovery/keys`, `/common/discovery/instance`
/// - `POST /{tenant}/oauth2/v2.0/token`, `/{tenant}/oauth2/token` (v1, `resource=`)
/// - `POST /{tenant}/oauth2/v2.0/devicecode`, `/{tenant}/oauth2/devicecode`
/// - `GET /msi/token` (App Service managed identity), `GET /metadata/identity/oauth2/token` (IMDS)
///
/// `{tenant}` is a tenant id, a tenant domain, `organizations` or `common`.
/// Limitations: no interactive authorization-code flow (`/authorize` answers 501: use the device
/// code flow), no certificate credentials (`client_assertion`), no on-behalf-of grant.
package final class IdentityService: Sendable {
    package let directory: Directory
    package let signingKey: SigningKey
    /// The value `/msi/token` expects in `X-IDENTITY-HEADER`.
    package let identityHeader: String
    /// For `AuthenticationMiddleware`: verifies the tokens this service issues.
    package let validator: TokenValidator

    let tokens: TokenService
    let documents: OIDCDocuments
    let managedIdentity: ManagedIdentityEndpoint
    let now: @Sendable () -> Date

    package init(
        directory: Directory, signingKey: SigningKey, identityHeader: String = WellKnown.identityHeader,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.directory = directory
        self.signingKey = signingKey
        self.identityHeader = identityHeader
        self.now = now
        self.validator = TokenValidator(directory: directory, signingKey: signingKey, now: now)
        self.tokens = TokenService(directory: directory, signingKey: signingKey, now: now)
        self.documents = OIDCDocuments(signingKey: signingKey)
        self.managedIdentity = ManagedIdentityEndpoint(directory: directory, tokens: tokens, identityHeader: identityHeader)
    }

    /// True for the paths this service answers, given percent-decoded, non-empty path segments.
    package func handles(path segments: [String]) -> Bool {
        Self.claims(count: segments.count) { segments[$0].lowercased() }
    }

    /// `handles(path:)` on a request's raw path: it decodes only the (at most four) segments the
    /// answer depends on, since the top-level dispatch asks this of every ARM request (perf: splitting
    /// and decoding the whole path was 3% of an authenticated GET's CPU).
    package func handles(rawPath: String) -> Bool {
        let raw = rawPath.utf8.split(separator: UInt8(ascii: "/"))
        return Self.claims(count: raw.count) { String(Substring(raw[$0])).removingPercentEncodingLeniently.lowercased() }
    }

    /// The decision of `handles`, given the number of segments and the lower-cased decoded segment at
    /// an index (only the first four are ever asked for).
    private static func claims(count: Int, lowered segment: (Int) -> String) -> Bool {
        if count == 2, segment(0) == "msi", segment(1) == "token" { return true }
        if count == 4, segment(0) == "metadata", segment(1) == "identity", segment(2) == "oauth2", segment(3) == "token" { return true }
        guard count >= 2 else { return false }
        switch segment(1) {
        case "oauth2", ".well-known", "discovery": return true
        case "userrealm": return count == 3
        case "v2.0": return count >= 3 && segment(2) == ".well-known"
        default: return false
        }
    }

    /// Answers one request; never throws (errors are Entra-shaped responses). The emulator keeps one
    /// `IdentityPipeline`; this builds one per call.
    package func handle(_ request: HTTPRequest) async -> HTTPResponse {
        await IdentityPipeline(service: self).handle(request)
    }

    /// An access token for `principal` with audience `audience`, valid for an hour. A user's token
    /// is issued as if through az (public client).
    package func issueToken(for principal: Principal, audience: String) -> String {
        tokens.mintAccessToken(
            for: principal, audience: audience, clientID: nil, appidacr: nil, scp: nil, issuedAt: tokens.currentSeconds(),
            lifetime: WellKnown.accessTokenLifetime)
    }

    /// `GET /_emulator/token`: a token for the operator service principal. A negative `lifetime`
    /// gives an already expired token (for testing ExpiredAuthenticationToken handling). `baseURL`
    /// is accepted for symmetry with the token endpoint; access tokens carry the `sts.windows.net` issuer.
    package func issueOperatorToken(audience: String, lifetime: Int = WellKnown.accessTokenLifetime, baseURL: String? = nil) -> IssuedToken
    {
        let issuedAt = tokens.currentSeconds()
        let principal =
            directory.servicePrincipal(objectId: WellKnown.operatorObjectId)
            ?? ServicePrincipal(
                objectId: WellKnown.operatorObjectId, appId: WellKnown.operatorClientId, displayName: WellKnown.operatorDisplayName,
                secrets: [], tenantId: WellKnown.tenantId)
        // An expired token must still have nbf <= exp, so iat/nbf move back with it.
        let start = lifetime < 0 ? issuedAt + lifetime - 60 : issuedAt
        let token = tokens.mintAccessToken(
            for: .servicePrincipal(principal), audience: audience, clientID: nil, appidacr: nil, scp: nil, issuedAt: start,
            lifetime: issuedAt + lifetime - start)
        return IssuedToken(token: token, expiresOn: Date(timeIntervalSince1970: TimeInterval(issuedAt + lifetime)))
    }
}
