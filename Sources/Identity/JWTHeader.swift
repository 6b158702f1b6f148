/// The JOSE header (RFC 7515 section 4): Entra's tokens carry `typ`, `alg`, `x5t` and `kid`.
public struct JWTHeader: Sendable, Codable, Equatable {
    public var typ: String?
    public var alg: String
    public var x5t: String?
    public var kid: String?

    public init(typ: String? = "JWT", alg: String = "RS256", x5t: String? = nil, kid: String? = nil) {
        self.typ = typ
        self.alg = alg
        self.x5t = x5t
        self.kid = kid
    }
}
