/// An application's service principal in one tenant: a confidential client that signs in with
/// `client_credentials` (RFC 6749 section 4.4) and one of its secrets.
package struct ServicePrincipal: Sendable, Codable, Equatable {
    /// The principal's object id (`oid`); role assignments name it as `principalId`.
    package var objectId: String
    /// The application (client) id (`appid`, `azp`).
    package var appId: String
    package var displayName: String
    /// Client secret values; any of them authenticates.
    package var secrets: [String]
    package var tenantId: String

    package init(objectId: String, appId: String, displayName: String, secrets: [String], tenantId: String) {
        self.objectId = objectId.lowercased()
        self.appId = appId.lowercased()
        self.displayName = displayName
        self.secrets = secrets
        self.tenantId = tenantId.lowercased()
    }

    /// Alias of `appId`, the name azure-identity and the seed file use.
    package var clientId: String { appId }
}
