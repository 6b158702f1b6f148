/// The JOSE header (RFC 7515 section 4): Entra's tokens carry `typ`, `alg`, `x5t` and `kid`.
package struct JWTHeader: Sendable, Codable, Equatable {
    package var typ: String?
    package var alg: String
    package var x5t: String?
    package var kid: String?

    package init(typ: String? = "JWT", alg: String = "RS256", x5t: String? = nil, kid: String? = nil) {
        self.typ = typ
        self.alg = alg
        self.x5t = x5t
        self.kid = kid
    }
}
