/// An application registration (Microsoft Graph `application`): the app's identity in its home
/// tenant. Its password credentials are what its service principal signs in with, as in Entra
/// (https://learn.microsoft.com/graph/api/resources/application).
package struct Application: Sendable, Codable, Equatable {
    /// The application object's id (Graph `id`), distinct from `appId`.
    package var objectId: String
    /// The client id its service principal shares.
    package var appId: String
    package var displayName: String
    package var tenantId: String
    /// ISO 8601, set once.
    package var createdDateTime: String
    package var passwordCredentials: [PasswordCredential]
    package var identifierUris: [String]
    package var signInAudience: String

    package init(
        objectId: String, appId: String, displayName: String, tenantId: String, createdDateTime: String,
        passwordCredentials: [PasswordCredential] = [], identifierUris: [String] = [], signInAudience: String = "AzureADMyOrg"
    ) {
        self.objectId = objectId.lowercased()
        self.appId = appId.lowercased()
        self.displayName = displayName
        self.tenantId = tenantId.lowercased()
        self.createdDateTime = createdDateTime
        self.passwordCredentials = passwordCredentials
        self.identifierUris = identifierUris
        self.signInAudience = signInAudience
    }
}
