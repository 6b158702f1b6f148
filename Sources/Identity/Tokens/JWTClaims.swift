/// The claims our tokens carry (RFC 7519 section 4 plus Entra's, docs/azure-behaviours.md "Access-token claims"). Every member is
/// optional so that one type reads access, id, refresh and device-code tokens; nil members are left
/// out of the JSON. Times are NumericDate seconds (RFC 7519 section 2).
package struct JWTClaims: Sendable, Codable, Equatable {
    // RFC 7519 registered claims
    package var iss: String?
    package var sub: String?
    package var aud: String?
    package var exp: Int?
    package var nbf: Int?
    package var iat: Int?
    // Entra
    package var tid: String?
    package var oid: String?
    package var appid: String?
    package var azp: String?
    /// "0" public client, "1" client secret, "2" certificate or managed identity.
    package var appidacr: String?
    /// "app" or "user": who the token is for.
    package var idtyp: String?
    /// "1.0" (v1 access token, as ARM receives them) or "2.0" (id_token).
    package var ver: String?
    /// Unique token id (Entra's `uti`, RFC 7519 `jti` in spirit).
    package var uti: String?
    package var upn: String?
    package var uniqueName: String?
    package var name: String?
    package var scp: String?
    package var amr: [String]?
    package var preferredUsername: String?
    /// ARM id of the managed identity the token belongs to.
    package var xmsMirid: String?
    /// Our own marker for non-access tokens we sign ("refresh", "device_code"); access tokens have none,
    /// and the ARM validator refuses any token that has one.
    package var use: String?
    /// Scopes a refresh or device-code token was granted for, space-separated.
    package var scope: String?

    package init() {}

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, exp, nbf, iat, tid, oid, appid, azp, appidacr, idtyp, ver, uti, upn
        case uniqueName = "unique_name"
        case name, scp, amr
        case preferredUsername = "preferred_username"
        case xmsMirid = "xms_mirid"
        case use = "fe_use"
        case scope
    }

    /// RFC 7519 section 4.1.3 allows `aud` to be an array; the first audience is kept.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try container.decodeIfPresent(String.self, forKey: .iss)
        sub = try container.decodeIfPresent(String.self, forKey: .sub)
        if let audiences = try? container.decodeIfPresent([String].self, forKey: .aud) {
            aud = audiences.first
        } else {
            aud = try container.decodeIfPresent(String.self, forKey: .aud)
        }
        exp = try Self.numericDate(container, .exp)
        nbf = try Self.numericDate(container, .nbf)
        iat = try Self.numericDate(container, .iat)
        tid = try container.decodeIfPresent(String.self, forKey: .tid)
        oid = try container.decodeIfPresent(String.self, forKey: .oid)
        appid = try container.decodeIfPresent(String.self, forKey: .appid)
        azp = try container.decodeIfPresent(String.self, forKey: .azp)
        appidacr = try container.decodeIfPresent(String.self, forKey: .appidacr)
        idtyp = try container.decodeIfPresent(String.self, forKey: .idtyp)
        ver = try container.decodeIfPresent(String.self, forKey: .ver)
        uti = try container.decodeIfPresent(String.self, forKey: .uti)
        upn = try container.decodeIfPresent(String.self, forKey: .upn)
        uniqueName = try container.decodeIfPresent(String.self, forKey: .uniqueName)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        scp = try container.decodeIfPresent(String.self, forKey: .scp)
        amr = try container.decodeIfPresent([String].self, forKey: .amr)
        preferredUsername = try container.decodeIfPresent(String.self, forKey: .preferredUsername)
        xmsMirid = try container.decodeIfPresent(String.self, forKey: .xmsMirid)
        use = try container.decodeIfPresent(String.self, forKey: .use)
        scope = try container.decodeIfPresent(String.self, forKey: .scope)
    }

    /// NumericDate may be fractional (RFC 7519 section 2); whole seconds are kept.
    private static func numericDate(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Int? {
        if let value = try? container.decodeIfPresent(Int.self, forKey: key) { return value }
        return try container.decodeIfPresent(Double.self, forKey: key).map { Int($0) }
    }
}
