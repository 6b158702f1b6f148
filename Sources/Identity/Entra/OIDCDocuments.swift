import ARMCore
import JSON

/// OpenID Connect discovery documents (OpenID Connect Discovery 1.0 section 3) in Entra's shapes, every URL
/// on this server. MSAL needs only `authorization_endpoint` and `token_endpoint` and takes the tenant
/// from the token endpoint's first path segment (docs/azure-behaviours.md "What azure-identity needs"), so a tenant named by domain is
/// answered with its id in the URLs, like Entra does; `organizations` and `common` keep their name
/// and the issuer carries Entra's literal `{tenantid}` placeholder.
struct OIDCDocuments: Sendable {
    let signingKey: SigningKey

    /// `GET /{tenant}/v2.0/.well-known/openid-configuration`.
    func v2Configuration(authority: Authority, baseURL: String) -> JSONValue {
        let root = "\(baseURL)/\(authority.pathSegment)"
        let issuerTenant = authority.tenant?.tenantId ?? "{tenantid}"
        return .object(
            JSONObject([
                ("token_endpoint", .string("\(root)/oauth2/v2.0/token")),
                ("token_endpoint_auth_methods_supported", ["client_secret_post", "private_key_jwt", "client_secret_basic"]),
                ("jwks_uri", .string("\(root)/discovery/v2.0/keys")),
                ("response_modes_supported", ["query", "fragment", "form_post"]),
                ("subject_types_supported", ["pairwise"]),
                ("id_token_signing_alg_values_supported", ["RS256"]),
                ("response_types_supported", ["code", "id_token", "code id_token", "id_token token"]),
                ("scopes_supported", ["openid", "profile", "email", "offline_access"]),
                ("issuer", .string("\(baseURL)/\(issuerTenant)/v2.0")),
                ("request_uri_parameter_supported", false),
                ("authorization_endpoint", .string("\(root)/oauth2/v2.0/authorize")),
                ("device_authorization_endpoint", .string("\(root)/oauth2/v2.0/devicecode")),
                ("http_logout_supported", true),
                ("frontchannel_logout_supported", true),
                ("end_session_endpoint", .string("\(root)/oauth2/v2.0/logout")),
                ("claims_supported", .array(Self.claimsSupported.map { .string($0) })),
                ("tenant_region_scope", "NA"),
                ("cloud_instance_name", "foundryemulator"),
                ("cloud_graph_host_name", .string(Self.host(of: baseURL))),
                ("msgraph_host", .string(Self.host(of: baseURL))),
            ]))
    }

    /// `GET /{tenant}/.well-known/openid-configuration`: the v1 endpoint's document; its issuer is the
    /// `sts.windows.net` one our access tokens carry.
    func v1Configuration(authority: Authority, baseURL: String) -> JSONValue {
        let root = "\(baseURL)/\(authority.pathSegment)"
        let issuerTenant = authority.tenant?.tenantId ?? "{tenantid}"
        return .object(
            JSONObject([
                ("token_endpoint", .string("\(root)/oauth2/token")),
                ("token_endpoint_auth_methods_supported", ["client_secret_post", "private_key_jwt", "client_secret_basic"]),
                ("jwks_uri", .string("\(root)/discovery/keys")),
                ("response_modes_supported", ["query", "fragment", "form_post"]),
                ("subject_types_supported", ["pairwise"]),
                ("id_token_signing_alg_values_supported", ["RS256"]),
                ("response_types_supported", ["code", "id_token", "code id_token", "token id_token", "token"]),
                ("scopes_supported", ["openid"]),
                ("issuer", .string("https://sts.windows.net/\(issuerTenant)/")),
                ("microsoft_multi_refresh_token", true),
                ("authorization_endpoint", .string("\(root)/oauth2/authorize")),
                ("device_authorization_endpoint", .string("\(root)/oauth2/devicecode")),
                ("http_logout_supported", true),
                ("frontchannel_logout_supported", true),
                ("end_session_endpoint", .string("\(root)/oauth2/logout")),
                ("claims_supported", .array(Self.claimsSupported.map { .string($0) })),
                ("tenant_region_scope", "NA"),
                ("cloud_instance_name", "foundryemulator"),
                ("cloud_graph_host_name", .string(Self.host(of: baseURL))),
                ("msgraph_host", .string(Self.host(of: baseURL))),
            ]))
    }

    /// `GET /{tenant}/discovery/v2.0/keys` and `/{tenant}/discovery/keys` (RFC 7517 section 5 JWK Set).
    func keys() -> JSONValue {
        let jwk = signingKey.jwk
        let ordered = ["kty", "use", "kid", "x5t", "n", "e", "alg"].compactMap { name in jwk[name].map { (name, JSONValue.string($0)) } }
        return .object(JSONObject([("keys", .array([.object(JSONObject(ordered))]))]))
    }

    /// `GET /common/discovery/instance`: MSAL's instance discovery, for clients that leave it on and
    /// were pointed at this host. Every alias is this host.
    func instanceDiscovery(baseURL: String, authorizationEndpoint: String?) -> JSONValue {
        let host = Self.host(of: baseURL)
        var tenant = "common"
        if let endpoint = authorizationEndpoint, let range = endpoint.range(of: "://") {
            let parts = endpoint[range.upperBound...].split(separator: "/")
            if parts.count > 1 { tenant = String(parts[1]) }
        }
        return .object(
            JSONObject([
                ("tenant_discovery_endpoint", .string("\(baseURL)/\(tenant)/v2.0/.well-known/openid-configuration")),
                ("api-version", "1.1"),
                (
                    "metadata",
                    .array([
                        .object(
                            JSONObject([
                                ("preferred_network", .string(host)),
                                ("preferred_cache", .string(host)),
                                ("aliases", .array([.string(host)])),
                            ]))
                    ])
                ),
            ]))
    }

    static let claimsSupported = [
        "sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp",
        "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email",
    ]

    static func host(of baseURL: String) -> String {
        guard let range = baseURL.range(of: "://") else { return baseURL }
        return String(baseURL[range.upperBound...])
    }
}
