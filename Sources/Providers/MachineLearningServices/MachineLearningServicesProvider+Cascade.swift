import ARMCore

/// A deleted resource group takes its workspaces with it (ARM sends each one a DELETE, reference
/// docs/azure-behaviours.md "Resource groups"), so each workspace's own clean-up runs: connection secrets in
/// a hub's key vault elsewhere, the hub's `associatedWorkspaces` link, the project's Storage Blob
/// Data Contributor assignment on a hub storage account in another group, and the system-assigned
/// identity in the directory.
///
/// EMULATOR CHOICE: ARM's DELETE carries no `forceToPurge`, so the workspaces are soft-deleted as
/// by a plain DELETE (their names stay taken until purged, as in Azure).
extension MachineLearningServicesProvider: ResourceGroupCascade {
    package func resourceGroupDeleted(_ group: ResourceID, removed: [StoredResource], for request: ARMRequest) async {
        let workspaceType = Self.workspaceType.lowercased()
        let workspaces = removed.filter { $0.id.fullType.lowercased() == workspaceType }
        guard !workspaces.isEmpty else { return }
        let removedByKey = Dictionary(workspaces.map { ($0.id.key, $0) }, uniquingKeysWith: { first, _ in first })
        for workspace in workspaces {
            let children = removed.filter { $0.id.key.hasPrefix(workspace.id.key + "/") }
            let hubKey = workspace.body["properties"]?["hubResourceId"]?.stringValue.flatMap(ResourceID.init)?.key
            try? await cleanUp(
                after: workspace, removedChildren: children, purge: false, removedHub: hubKey.flatMap { removedByKey[$0] },
                for: request)
        }
    }
}
