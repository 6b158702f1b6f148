/// A user account that signs in with the password or device-code grant.
public struct User: Sendable, Codable, Equatable {
    public var objectId: String
    /// `upn`, `unique_name` and `preferred_username` in tokens; compared case-insensitively.
    public var userPrincipalName: String
    public var password: String
    public var displayName: String
    public var tenantId: String

    public init(objectId: String, userPrincipalName: String, password: String, displayName: String, tenantId: String) {
        self.objectId = objectId.lowercased()
        self.userPrincipalName = userPrincipalName
        self.password = password
        self.displayName = displayName
        self.tenantId = tenantId.lowercased()
    }
}
