/// System-assigned managed identities: the principal Azure creates for a resource whose
/// `identity.type` includes `SystemAssigned` (a workspace, an account) and deletes with it. The
/// identity is found by the resource's ARM id (`xms_mirid`, `mi_res_id`), so it can hold role
/// assignments and get tokens from `/msi/token` like any managed identity.
extension Directory {
    /// The resource's system-assigned identity, created on first use (idempotent per resource id,
    /// compared case-insensitively). The display name is the resource name, as in Entra.
    package func systemAssignedIdentity(forResourceId resourceId: String, displayName: String) -> ManagedIdentity {
        if let existing = managedIdentity(resourceId: resourceId) { return existing }
        return createManagedIdentity(displayName: displayName, resourceId: resourceId)
    }

    /// Removes the identity of a deleted resource; answers it, or nil when it had none.
    @discardableResult
    package func removeSystemAssignedIdentity(forResourceId resourceId: String) -> ManagedIdentity? {
        guard let identity = managedIdentity(resourceId: resourceId) else { return nil }
        if case .managedIdentity(let removed)? = remove(objectId: identity.objectId) { return removed }
        return nil
    }
}
