/// An application registration (Microsoft Graph `application`): the app's identity in its home
/// tenant. Its password credentials are what its service principal signs in with, as in Entra
/// (https://learn.microsoft.com/graph/api/resources/application).
public struct Application: Sendable, Codable, Equatable {
    /// The application object's id (Graph `id`), distinct from `appId`.
    public var objectId: String
    /// The client id its service principal shares.
    public var appId: String
    public var displayName: String
    public var tenantId: String
    /// ISO 8601, set once.
    public var createdDateTime: String
    public var passwordCredentials: [PasswordCredential]
    public var identifierUris: [String]
    public var signInAudience: String

    public init(
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
