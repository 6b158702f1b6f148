import ARMCore
import Foundation

/// The ARM pipeline's authentication step (RFC 6750 bearer tokens). Errors are ARM's, 401 with
/// `WWW-Authenticate: Bearer authorization_uri="{base}/{tenant}", error="invalid_token", ...`:
/// - no `Authorization` header: AuthenticationFailed;
/// - not `Bearer <token>`: AuthenticationFailedInvalidHeader;
/// - malformed, bad signature, unknown key or tenant, not an access token: InvalidAuthenticationToken;
/// - expired: ExpiredAuthenticationToken (both UTC times in the message);
/// - a token of another tenant than the subscription's: InvalidAuthenticationTokenTenant.
/// On success the request continues with `caller` set.
package struct AuthenticationMiddleware: ARMRequestStep {
    package let validator: TokenValidator

    package init(validator: TokenValidator) {
        self.validator = validator
    }

    package func prepare(_ request: inout ARMRequest) throws {
        // An internal request acts for the caller of the request that caused it; only code inside
        // the emulator can build one, so there is no token to check.
        if request.isInternal, request.callerBox != nil { return }
        guard let header = request.headers["Authorization"] else {
            throw ARMError.authenticationFailed(authority: authority(for: request, token: nil))
        }
        let token = try bearerToken(in: header, request: request)
        let callerBox: CallerBox
        do {
            callerBox = try validator.validatedCaller(bearer: token)
        } catch {
            let authority = authority(for: request, token: String(token))
            switch error {
            case .expired(let expiry, let now):
                throw ARMError.expiredAuthenticationToken(expiry: UTCTime.dotNet(expiry), now: UTCTime.dotNet(now), authority: authority)
            default:
                throw ARMError.invalidAuthenticationToken(authority: authority, reason: error.reason)
            }
        }
        // The tenant read through the box: `caller` as a value copied (retained) each of its strings.
        let tenantId = callerBox.caller.tenantId
        if let subscription = subscription(of: request), subscription.tenantId != tenantId.lowercasedIfNeeded {
            throw ARMError.invalidAuthenticationTokenTenant(
                issuer: "https://sts.windows.net/\(tenantId)/", tenant: subscription.tenantId,
                authority: "\(request.baseURL)/\(subscription.tenantId)")
        }
        request.callerBox = callerBox
    }

    /// `Bearer <token>`; the scheme is case-insensitive (RFC 9110 section 11.1), the token one b64token (RFC 6750 section 2.1).
    /// Scanned as UTF-8 bytes: this runs on every ARM request, and splitting a ~1.5 KB token as
    /// `Character`s (grapheme clusters) cost more than the whole rest of the request.
    private func bearerToken(in header: String, request: ARMRequest) throws -> Substring {
        // Read in place (`withUTF8`), the token a slice of the header: copying the header into an
        // array first was 1% of an authenticated GET's CPU, copying the token out one allocation
        // (perf).
        var bytesOfHeader = header
        let token = bytesOfHeader.withUTF8 { bytes -> Range<Int>? in
            let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            var start = 0
            var end = bytes.count
            while start < end, isBlank(bytes[start]) { start += 1 }
            while end > start, isBlank(bytes[end - 1]) { end -= 1 }
            let scheme: StaticString = "bearer"
            let schemeCount = scheme.utf8CodeUnitCount
            guard end - start > schemeCount + 1,
                (0..<schemeCount).allSatisfy({ bytes[start + $0] | 0x20 == scheme.utf8Start[$0] }),
                isBlank(bytes[start + schemeCount])
            else { return nil }
            var tokenStart = start + schemeCount
            while tokenStart < end, isBlank(bytes[tokenStart]) { tokenStart += 1 }
            guard tokenStart < end else { return nil }
            // No blank inside the token: a minimum over every byte, which the compiler vectorises
            // (a search that stops at the first blank went byte by byte over ~1.5 KB, perf). It is
            // zero exactly when some byte is a space or a tab.
            var nearest: UInt8 = 0xFF
            for byte in UnsafeBufferPointer(rebasing: bytes[tokenStart..<end]) {
                nearest = min(nearest, min(byte ^ UInt8(ascii: " "), byte ^ UInt8(ascii: "\t")))
            }
            guard nearest != 0 else { return nil }
            return tokenStart..<end
        }
        guard let token else { throw ARMError.authenticationFailedInvalidHeader(authority: authority(for: request, token: nil)) }
        // Blanks are ASCII, so both ends are on scalar boundaries: the slice is valid UTF-8.
        let utf8 = header.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: token.lowerBound)
        return Substring(utf8[start..<utf8.index(start, offsetBy: token.count)])
    }

    /// `{base}/{tenant}` for the challenge: the token's tenant when we know it, else the tenant of the
    /// subscription in the path, else the well-known tenant.
    private func authority(for request: ARMRequest, token: String?) -> String {
        if let token, let tid = try? JWT.decodeUnverified(token).claims.tid, validator.directory.isKnownTenant(tid) {
            return "\(request.baseURL)/\(tid.lowercased())"
        }
        return "\(request.baseURL)/\(subscription(of: request)?.tenantId ?? WellKnown.tenantId)"
    }

    private func subscription(of request: ARMRequest) -> Subscription? {
        guard request.segments.count >= 2, request.segments[0].lowercasedIfNeeded == "subscriptions" else { return nil }
        return validator.directory.subscription(id: request.segments[1])
    }
}
