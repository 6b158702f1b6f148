import Testing

@testable import Identity

@Suite("Directory system-assigned identities")
struct DirectorySystemAssignedIdentitiesTests {
    static let workspace = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/hub1"

    @Test func oneIdentityPerResourceFoundCaseInsensitivelyAndRemovedWithIt() {
        let directory = Directory()
        let first = directory.systemAssignedIdentity(forResourceId: Self.workspace, displayName: "hub1")
        let again = directory.systemAssignedIdentity(forResourceId: Self.workspace.uppercased(), displayName: "hub1")
        #expect(again == first)
        #expect(first.displayName == "hub1")
        #expect(first.tenantId == WellKnown.tenantId)
        #expect(directory.managedIdentity(resourceId: Self.workspace)?.objectId == first.objectId)
        #expect(directory.principal(objectId: first.objectId) != nil)

        #expect(directory.removeSystemAssignedIdentity(forResourceId: Self.workspace) == first)
        #expect(directory.managedIdentity(objectId: first.objectId) == nil)
        #expect(directory.removeSystemAssignedIdentity(forResourceId: Self.workspace) == nil)
        // A new resource with the same id gets a new principal, as in Entra.
        #expect(directory.systemAssignedIdentity(forResourceId: Self.workspace, displayName: "hub1").objectId != first.objectId)
    }
}
