import ARMCore
import EmulatorHTTP
import Foundation

/// One call to the token or device-code endpoint: the authority, the form fields
/// (`application/x-www-form-urlencoded`, RFC 6749 Appendix B) and the client credentials, which
/// may also come as HTTP Basic (`client_secret_basic`, RFC 6749 section 2.3.1).
struct TokenRequest: Sendable {
    enum Version: Sendable { case v1, v2 }

    var version: Version
    var authority: Authority
    var form: QueryParameters
    /// `scheme://host` the client used; issuers and endpoint URLs start with it.
    var baseURL: String
    private var basicClientID: String?
    private var basicClientSecret: String?

    init(http: HTTPRequest, version: Version, authority: Authority) {
        self.version = version
        self.authority = authority
        self.form = QueryParameters(String(decoding: http.body, as: UTF8.self))
        self.baseURL = http.baseURL
        if let header = http.headers["Authorization"], header.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
        {
            // Each half is form-urlencoded before being joined (RFC 6749 section 2.3.1).
            let decode = { (part: Substring) in QueryParameters("v=" + part)["v"] ?? String(part) }
            basicClientID = decode(text[..<colon])
            basicClientSecret = decode(text[text.index(after: colon)...])
        }
    }

    /// A form field; empty counts as absent, as Entra treats it.
    func field(_ name: String) -> String? {
        guard let value = form[name], !value.isEmpty else { return nil }
        return value
    }

    func required(_ name: String) throws(EntraError) -> String {
        guard let value = field(name) else { throw .missingParameter(name) }
        return value
    }

    var clientID: String? { field("client_id") ?? basicClientID }
    var clientSecret: String? { field("client_secret") ?? basicClientSecret }

    func requiredClientID() throws(EntraError) -> String {
        guard let clientID else { throw .missingParameter("client_id") }
        return clientID.lowercased()
    }

    /// MSAL sends `client_info=1` to get the account's home ids back.
    var wantsClientInfo: Bool { field("client_info") == "1" }

    /// v2: `scope` (required); v1: `resource` (required) and optional `scope=openid`.
    func requestedScopes() throws(EntraError) -> RequestedScopes {
        switch version {
        case .v2: try RequestedScopes(scope: required("scope"))
        case .v1: RequestedScopes(resource: try required("resource"), scope: field("scope"))
        }
    }
}
