/// A security group (Graph `group`). Its members are object ids of users, service principals,
/// managed identities or other groups; a role assigned to the group (principalType `Group`) is
/// granted to every member, transitively (docs/rbac-and-hub-proxy.md).
package struct Group: Sendable, Codable, Equatable {
    package var objectId: String
    package var displayName: String
    package var mailNickname: String
    package var description: String?
    package var securityEnabled: Bool
    package var mailEnabled: Bool
    package var tenantId: String
    package var createdDateTime: String
    /// Direct members' object ids, lower-case, in the order they were added.
    package var members: [String]

    package init(
        objectId: String, displayName: String, mailNickname: String, description: String? = nil, securityEnabled: Bool = true,
        mailEnabled: Bool = false, tenantId: String, createdDateTime: String, members: [String] = []
    ) {
        self.objectId = objectId.lowercased()
        self.displayName = displayName
        self.mailNickname = mailNickname
        self.description = description
        self.securityEnabled = securityEnabled
        self.mailEnabled = mailEnabled
        self.tenantId = tenantId.lowercased()
        self.createdDateTime = createdDateTime
        self.members = members.map { $0.lowercased() }
    }
}
