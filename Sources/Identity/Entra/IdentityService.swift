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
        Self.claims(count: segments.count) { segments[$0].lowercased() == $1 }
    }

    /// `handles(path:)` on a request's raw path, since the top-level dispatch asks this of every ARM
    /// request (perf: splitting and decoding the whole path was 3% of an authenticated GET's CPU).
    /// It reads the path in place and decodes only the (at most four) segments it compares; a
    /// segment of ASCII without `%` is compared as it is, case-insensitively.
    package func handles(rawPath: String) -> Bool {
        var path = rawPath
        return path.withUTF8 { bytes in
            // The (at most four) ranges on the stack: an array grown range by range was three
            // allocations on every ARM request (perf). Whether a segment needs decoding (a `%` or a
            // non-ASCII byte) is noted while splitting: asked per comparison, it scanned the
            // subscription id up to six times a request (callgrind).
            var ranges: (Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (0..<0, 0..<0, 0..<0, 0..<0)
            var encoded: (Bool, Bool, Bool, Bool) = (false, false, false, false)
            var count = 0
            var start = 0
            var needsDecoding = false
            for position in 0...bytes.count {
                if position < bytes.count {
                    let byte = bytes[position]
                    if byte != UInt8(ascii: "/") {
                        if byte >= 0x80 || byte == UInt8(ascii: "%") { needsDecoding = true }
                        continue
                    }
                }
                if position > start {
                    switch count {
                    case 0: (ranges.0, encoded.0) = (start..<position, needsDecoding)
                    case 1: (ranges.1, encoded.1) = (start..<position, needsDecoding)
                    case 2: (ranges.2, encoded.2) = (start..<position, needsDecoding)
                    case 3: (ranges.3, encoded.3) = (start..<position, needsDecoding)
                    default: break
                    }
                    count += 1
                }
                start = position + 1
                needsDecoding = false
            }
            return Self.claims(count: count) { index, literal in
                let (range, isEncoded) =
                    switch index {
                    case 0: (ranges.0, encoded.0)
                    case 1: (ranges.1, encoded.1)
                    case 2: (ranges.2, encoded.2)
                    default: (ranges.3, encoded.3)
                    }
                let raw = UnsafeBufferPointer(rebasing: bytes[range])
                if isEncoded {
                    return String(decoding: raw, as: UTF8.self).removingPercentEncodingLeniently.lowercased() == literal
                }
                return raw.count == literal.utf8.count
                    && zip(raw, literal.utf8).allSatisfy { byte, expected in
                        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == expected
                    }
            }
        }
    }

    /// The decision of `handles`, given the number of segments and whether the lower-cased decoded
    /// segment at an index equals a (lower-case) literal; only the first four are ever asked about.
    private static func claims(count: Int, segment matches: (Int, String) -> Bool) -> Bool {
        if count == 2, matches(0, "msi"), matches(1, "token") { return true }
        if count == 4, matches(0, "metadata"), matches(1, "identity"), matches(2, "oauth2"), matches(3, "token") { return true }
        guard count >= 2 else { return false }
        if matches(1, "oauth2") || matches(1, ".well-known") || matches(1, "discovery") { return true }
        if matches(1, "userrealm") { return count == 3 }
        if matches(1, "v2.0") { return count >= 3 && matches(2, ".well-known") }
        return false
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
