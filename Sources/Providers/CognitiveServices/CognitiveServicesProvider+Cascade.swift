import ARMCore

/// Deleting a resource group soft-deletes the Cognitive Services accounts in it, as in Azure
/// ("Recover or purge deleted Azure AI services resources": accounts deleted with their resource
/// group can be recovered while the group is re-created): each removed account is kept under
/// `locations/{l}/resourceGroups/{rg}/deletedAccounts/{name}`, outside the group, so it survives the
/// cascade and its subdomain stays taken until purged. Its deployments go with it, returning their
/// quota, as with an account DELETE.
extension CognitiveServicesProvider: ResourceGroupCascade {
    package func resourceGroupDeleted(_ group: ResourceID, removed: [StoredResource], for request: ARMRequest) {
        let accountType = Self.accountType.lowercased()
        let date = now()
        for account in removed where account.id.fullType.lowercased() == accountType {
            try? serializer.run { try keepAsDeleted(account, at: date) }
        }
    }
}
