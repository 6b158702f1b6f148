/// A managed identity: gets tokens from `/msi/token` or IMDS without a secret. Workspaces and
/// accounts with `identity.type` SystemAssigned get one created for them.
package struct ManagedIdentity: Sendable, Codable, Equatable {
    package var objectId: String
    package var clientId: String
    package var displayName: String
    /// The ARM id of the identity (user-assigned) or of the resource it belongs to (system-assigned);
    /// tokens carry it as `xms_mirid`, `/msi/token` finds it by `mi_res_id`.
    package var resourceId: String?
    package var tenantId: String

    package init(objectId: String, clientId: String, displayName: String, resourceId: String? = nil, tenantId: String) {
        self.objectId = objectId.lowercased()
        self.clientId = clientId.lowercased()
        self.displayName = displayName
        self.resourceId = resourceId
        self.tenantId = tenantId.lowercased()
    }
}
