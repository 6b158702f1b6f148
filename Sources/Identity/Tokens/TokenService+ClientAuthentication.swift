/// Who the client is (RFC 6749 section 2.3): a confidential client proves itself with a secret; the
/// well-known public clients (az) send none.
extension TokenService {
    /// A service principal of `tenant` (any tenant when nil) whose secret the request carries.
    func authenticateConfidentialClient(_ request: TokenRequest, tenant: Tenant?) throws(EntraError) -> ServicePrincipal {
        let clientID = try request.requiredClientID()
        guard let principal = directory.servicePrincipal(appId: clientID),
            tenant == nil || principal.tenantId == tenant?.tenantId
        else {
            throw .applicationNotFound(clientID, directory: tenant?.displayName ?? request.authority.pathSegment)
        }
        guard let secret = request.clientSecret else {
            if request.field("client_assertion") != nil { throw .clientAssertionKeyNotFound }
            throw .missingClientCredential
        }
        guard directory.acceptsSecret(secret, for: principal) else { throw .invalidClientSecret(appId: principal.appId) }
        return principal
    }

    /// The client of a user grant: a public client without a secret (`appidacr` "0"), or a
    /// confidential one with its secret ("1").
    func authenticateUserGrantClient(_ request: TokenRequest, tenant: Tenant?) throws(EntraError) -> (clientID: String, appidacr: String) {
        let clientID = try request.requiredClientID()
        if WellKnown.publicClientIds.contains(clientID) {
            if request.clientSecret != nil || request.field("client_assertion") != nil { throw .publicClientWithSecret }
            return (clientID, "0")
        }
        let principal = try authenticateConfidentialClient(request, tenant: tenant)
        return (principal.appId, "1")
    }

    /// The user must belong to the tenant the authority names (`organizations`/`common` take any).
    func checkUser(_ user: User, against authority: Authority) throws(EntraError) {
        if let tenant = authority.tenant, tenant.tenantId != user.tenantId {
            throw .userNotFound(tenant: tenant.tenantId)
        }
    }
}
