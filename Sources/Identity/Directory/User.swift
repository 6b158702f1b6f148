/// A user account that signs in with the password or device-code grant.
package struct User: Sendable, Codable, Equatable {
    package var objectId: String
    /// `upn`, `unique_name` and `preferred_username` in tokens; compared case-insensitively.
    package var userPrincipalName: String
    package var password: String
    package var displayName: String
    package var tenantId: String

    package init(objectId: String, userPrincipalName: String, password: String, displayName: String, tenantId: String) {
        self.objectId = objectId.lowercased()
        self.userPrincipalName = userPrincipalName
        self.password = password
        self.displayName = displayName
        self.tenantId = tenantId.lowercased()
    }
}
