/// The `scope` form field of a v2 request (or `resource` of a v1 one), split into the resource
/// (the token's `aud`) and the OpenID Connect scopes that decide which tokens come back.
///
/// A resource scope is `{resource}/{permission}`: only the part after the LAST `/` is the permission,
/// so `https://localhost:8443//.default` (az: audience `https://localhost:8443/` + `/.default`,
/// docs/azure-behaviours.md "What the Azure CLI needs") keeps `https://localhost:8443/` as the audience.
struct RequestedScopes: Sendable, Equatable {
    /// The token audience; nil when only OpenID scopes were asked for.
    var resource: String?
    /// Permissions after the resource, e.g. `.default` or `user_impersonation`.
    var permissions: [String] = []
    /// The resource scopes as sent, echoed in the response's `scope`.
    var resourceScopes: [String] = []
    /// `openid`, `profile`, `email`, `offline_access` as sent.
    var openIDScopes: [String] = []

    static let openIDScopeNames: Set<String> = ["openid", "profile", "email", "offline_access"]

    init() {}

    /// v2: space-separated scopes. More than one resource is refused, as Entra does.
    init(scope: String) throws(EntraError) {
        for item in scope.split(separator: " ").map(String.init) {
            if RequestedScopes.openIDScopeNames.contains(item.lowercased()) {
                openIDScopes.append(item.lowercased())
                continue
            }
            let (resource, permission) = RequestedScopes.split(item)
            if let current = self.resource, current != resource { throw .scopeWithSeveralResources(scope) }
            self.resource = resource
            if let permission { permissions.append(permission) }
            resourceScopes.append(item)
        }
    }

    /// v1: `resource=` names the audience directly; `scope=openid` asks for an id_token.
    init(resource: String, scope: String?) {
        self.resource = resource
        self.permissions = ["user_impersonation"]
        // Kept in the v2 spelling so that a refresh token or device code remembers the resource.
        self.resourceScopes = [resource + "/user_impersonation"]
        self.openIDScopes = (scope ?? "").split(separator: " ").map { $0.lowercased() }
            .filter { RequestedScopes.openIDScopeNames.contains($0) }
    }

    /// Splits at the last `/` after the scheme. `User.Read` (no resource) is a Microsoft Graph permission.
    static func split(_ scope: String) -> (resource: String, permission: String?) {
        let afterScheme = scope.range(of: "://")?.upperBound ?? scope.startIndex
        guard let slash = scope[afterScheme...].lastIndex(of: "/") else {
            return scope.contains("://") ? (scope, nil) : (WellKnown.graphAudience, scope)
        }
        let permission = String(scope[scope.index(after: slash)...])
        if permission.isEmpty { return (scope, nil) }
        return (String(scope[..<slash]), permission)
    }

    var audience: String { resource ?? WellKnown.graphAudience }
    var wantsIDToken: Bool { openIDScopes.contains("openid") }
    var wantsRefreshToken: Bool { openIDScopes.contains("offline_access") }
    /// `.default` for a client-credentials request (RFC 6749 section 4.4 via Entra's rule).
    var isDefaultScope: Bool { resource != nil && permissions == [".default"] }

    /// The user token's `scp`: `.default` means every consented permission, for ARM `user_impersonation`.
    var delegatedPermissions: String {
        let names = permissions.map { $0 == ".default" ? "user_impersonation" : $0 }
        var unique: [String] = []
        for name in names where !unique.contains(name) { unique.append(name) }
        return unique.isEmpty ? "user_impersonation" : unique.joined(separator: " ")
    }

    /// The response's `scope`: the resource scopes as requested (MSAL caches tokens under them),
    /// or the OpenID scopes when there were none.
    var responseScope: String {
        resourceScopes.isEmpty ? openIDScopes.joined(separator: " ") : resourceScopes.joined(separator: " ")
    }

    /// What a refresh or device-code token remembers: everything that was asked for.
    var serialized: String { (resourceScopes + openIDScopes).joined(separator: " ") }
}
