import ARMCore
import Foundation
import Identity
import Testing

@testable import MachineLearningServicesProvider

/// Deleting a resource group runs each workspace's clean-up (MachineLearningServicesProvider+Cascade).
@Suite("ML resource-group cascade")
struct CascadeTests {
    static let blobContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"

    func roleAssignments(_ world: MLTestWorld, on storage: String) -> [StoredResource] {
        world.store.all(under: ResourceID(storage)!, types: ["Microsoft.Authorization/roleAssignments"])
    }

    @Test func deletingAProjectsGroupCleansUpOutsideIt() async throws {
        // Given a hub in hubs-rg and a project in projects-rg, with a connection secret in the hub's vault.
        let world = try MLTestWorld()
        let hub = try await world.createHub(rg: "hubs-rg")
        try await world.createGroup("projects-rg")
        let project = try await world.createProject(rg: "projects-rg", hubGroup: "hubs-rg")
        #expect(project.status == 200)
        let projectID = MLTestWorld.workspace("proj1", rg: "projects-rg")
        let storage = try #require(hub.properties?["storageAccount"]?.stringValue)
        let vault = try #require(hub.properties?["keyVault"]?.stringValue)
        let connection = try await world.client.send(
            "PUT", projectID + "/connections/search1",
            body: #"{"properties":{"category":"CognitiveSearch","authType":"ApiKey","target":"https://s","credentials":{"key":"k"}}}"#)
        #expect(connection.status == 200)
        let secretsBefore = world.store.all(under: ResourceID(vault)!, types: ["Microsoft.KeyVault/vaults/secrets"]).count
        #expect(secretsBefore == 1)
        #expect(roleAssignments(world, on: storage).count == 1)
        #expect(world.directory.managedIdentity(resourceId: projectID) != nil)

        // When the project's group is deleted.
        let deleted = try await world.client.send("DELETE", MLTestWorld.group("projects-rg"))
        #expect(deleted.status == 202)

        // Then the project is gone and everything it held elsewhere with it.
        #expect(try await world.client.send("GET", projectID).status == 404)
        #expect(roleAssignments(world, on: storage).isEmpty)
        #expect(world.store.all(under: ResourceID(vault)!, types: ["Microsoft.KeyVault/vaults/secrets"]).isEmpty)
        #expect(world.directory.managedIdentity(resourceId: projectID) == nil)
        let hubNow = try await world.client.send("GET", MLTestWorld.workspace("hub1", rg: "hubs-rg"))
        #expect(hubNow.properties?["associatedWorkspaces"] == [])
        // The hub can go now: it has no projects left.
        #expect(try await world.client.send("DELETE", MLTestWorld.workspace("hub1", rg: "hubs-rg")).status == 200)
        // The hub's own identity stays until the hub goes (it did, just now).
        #expect(world.directory.managedIdentity(resourceId: MLTestWorld.workspace("hub1", rg: "hubs-rg")) == nil)
    }

    @Test func deletingAGroupWithHubAndProjectRemovesBothIdentities() async throws {
        let world = try MLTestWorld()
        try await world.createHub()
        try await world.createProject()
        #expect(world.directory.managedIdentity(resourceId: MLTestWorld.workspace("hub1")) != nil)
        #expect(try await world.client.send("DELETE", MLTestWorld.group("rg1")).status == 202)
        #expect(world.directory.managedIdentity(resourceId: MLTestWorld.workspace("hub1")) == nil)
        #expect(world.directory.managedIdentity(resourceId: MLTestWorld.workspace("proj1")) == nil)
    }

    @Test func projectRoleAssignmentOnAHubStorageElsewhereGoesEvenWhenTheHubGoesToo() async throws {
        // The hub uses an existing storage account in another group; hub and project share rg1.
        let world = try MLTestWorld()
        try await world.createGroup("data-rg")
        let storage = MLTestWorld.group("data-rg") + "/providers/Microsoft.Storage/storageAccounts/shareddata1"
        // Storage answers 200 to a create, as its spec says.
        #expect(try await world.client.send("PUT", storage, apiVersion: "2023-05-01", body: #"{"location":"eastus"}"#).status == 200)
        try await world.createHub(extra: #","storageAccount":"\#(storage)""#)
        #expect(try await world.createProject().status == 200)
        #expect(roleAssignments(world, on: storage).count == 1)
        #expect(try await world.client.send("DELETE", MLTestWorld.group("rg1")).status == 202)
        #expect(roleAssignments(world, on: storage).isEmpty)
    }

    @Test func workspacesDeletedWithTheirGroupAreSoftDeleted() async throws {
        // ARM's DELETE carries no forceToPurge: the name stays taken until purged (EMULATOR CHOICE).
        let world = try MLTestWorld()
        try await world.createHub()
        #expect(try await world.client.send("DELETE", MLTestWorld.group("rg1")).status == 202)
        try await world.createGroup()
        let again = try await world.createHub()
        #expect(again.status == 409)
        #expect(try await world.client.send("DELETE", MLTestWorld.workspace("hub1") + "?forceToPurge=true").status == 200)
        #expect(try await world.createHub().status == 200)
    }

    @Test func groupsWithoutWorkspacesAreUntouched() async throws {
        let world = try MLTestWorld()
        try await world.createHub()
        try await world.createGroup("other")
        #expect(try await world.client.send("DELETE", MLTestWorld.group("other")).status == 202)
        #expect(try await world.client.send("GET", MLTestWorld.workspace("hub1")).status == 200)
        #expect(world.directory.managedIdentity(resourceId: MLTestWorld.workspace("hub1")) != nil)
    }
}
