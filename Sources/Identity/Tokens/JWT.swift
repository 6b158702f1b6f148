import Foundation

/// A JSON Web Token (RFC 7519) in JWS compact serialization (RFC 7515 section 7.1):
/// `base64url(header).base64url(claims).base64url(signature)`.
package struct JWT: Sendable, Equatable {
    package var header: JWTHeader
    package var claims: JWTClaims

    package init(header: JWTHeader = JWTHeader(), claims: JWTClaims) {
        self.header = header
        self.claims = claims
    }

    /// Signs with RS256 and `key`'s `kid`/`x5t` (whatever `header` said about them).
    package func signed(with key: SigningKey) -> String {
        var header = self.header
        header.alg = "RS256"
        header.kid = key.keyId
        header.x5t = key.keyId
        let signingInput = JWT.encodeSegment(header) + "." + JWT.encodeSegment(claims)
        return signingInput + "." + Base64URL.encode(key.sign(Array(signingInput.utf8)))
    }

    /// Splits and decodes a compact JWS WITHOUT checking anything; see `JWT.verify` for that.
    package static func decodeUnverified(_ token: String) throws(JWTError) -> JWT {
        try parse(token).jwt
    }

    // MARK: internals

    struct Parsed {
        var jwt: JWT
        var signingInput: [UInt8]
        var signature: [UInt8]
    }

    static func parse(_ token: String) throws(JWTError) -> Parsed {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed("A JWT has three dot-separated segments; this one has \(parts.count).") }
        guard let headerBytes = Base64URL.decode(parts[0]), let claimBytes = Base64URL.decode(parts[1]),
            let signature = Base64URL.decode(parts[2])
        else { throw .malformed("A segment is not base64url.") }
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(JWTHeader.self, from: Data(headerBytes)) else {
            throw .malformed("The header is not a JSON object with an 'alg'.")
        }
        guard let claims = try? decoder.decode(JWTClaims.self, from: Data(claimBytes)) else {
            throw .malformed("The payload is not a JSON object of claims.")
        }
        let signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        return Parsed(jwt: JWT(header: header, claims: claims), signingInput: signingInput, signature: signature)
    }

    private static func encodeSegment(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Encoding these plain structs cannot fail.
        return Base64URL.encode(Array((try? encoder.encode(value)) ?? Data("{}".utf8)))
    }
}
