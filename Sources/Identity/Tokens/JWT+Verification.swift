import Foundation

extension JWT {
    /// Verifies a compact JWS: `alg` is RS256 (no `none`, no algorithm confusion, RFC 8725 section 3.1),
    /// `kid` names one of `keys`, the signature holds, `exp`/`nbf` are within `skew` seconds
    /// (RFC 7519 section 4.1.4 to 5) and `tid` is a tenant `isKnownTenant` accepts. `exp` is required.
    package static func verify(
        _ token: String, keys: [SigningKey], isKnownTenant: (String) -> Bool, now: Date,
        skew: Int = WellKnown.clockSkew
    ) throws(JWTError) -> JWT {
        let parsed = try parse(token)
        let jwt = parsed.jwt
        guard jwt.header.alg == "RS256" else { throw .unsupportedAlgorithm(jwt.header.alg) }
        let key: SigningKey?
        if let kid = jwt.header.kid {
            key = keys.first { $0.keyId == kid }
        } else {
            key = nil
        }
        guard let key else { throw .unknownKey(jwt.header.kid) }
        guard key.verify(signature: parsed.signature, of: parsed.signingInput) else { throw .badSignature }
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        guard let exp = jwt.claims.exp else { throw .malformed("The token has no 'exp' claim.") }
        if seconds > exp + skew {
            throw .expired(expiry: Date(timeIntervalSince1970: TimeInterval(exp)), now: now)
        }
        if let nbf = jwt.claims.nbf, seconds + skew < nbf {
            throw .notYetValid(notBefore: Date(timeIntervalSince1970: TimeInterval(nbf)), now: now)
        }
        guard let tid = jwt.claims.tid, isKnownTenant(tid) else { throw .unknownTenant(jwt.claims.tid) }
        return jwt
    }
}
