import ARMCore
import Foundation
import Identity
import Testing

@testable import MachineLearningServicesProvider

@Suite("ML hubs and projects")
struct ProjectsTests {
    @Test func projectInheritsFromItsHubAndTheHubListsIt() async throws {
        let world = try MLTestWorld()
        let hub = try await world.createHub(
            extra: #","publicNetworkAccess":"Disabled","managedNetwork":{"isolationMode":"AllowInternetOutbound"}"#)
        let project = try await world.createProject()
        #expect(project.status == 200)
        #expect(project.json?["location"]?.stringValue == "eastus")
        let properties = try #require(project.properties)
        #expect(properties["hubResourceId"]?.stringValue == MLTestWorld.workspace("hub1"))
        #expect(properties["storageAccount"] == hub.properties?["storageAccount"])
        #expect(properties["keyVault"] == hub.properties?["keyVault"])
        #expect(properties["publicNetworkAccess"]?.stringValue == "Disabled")
        #expect(properties["managedNetwork"]?["isolationMode"]?.stringValue == "AllowInternetOutbound")
        #expect(properties["workspaceId"] != hub.properties?["workspaceId"])

        let hubNow = try await world.client.send("GET", MLTestWorld.workspace("hub1"))
        #expect(hubNow.properties?["associatedWorkspaces"] == [.string(MLTestWorld.workspace("proj1"))])

        // A change on the hub shows on the project (inheritance is live).
        _ = try await world.client.send("PATCH", MLTestWorld.workspace("hub1"), body: #"{"properties":{"publicNetworkAccess":"Enabled"}}"#)
        let projectNow = try await world.client.send("GET", MLTestWorld.workspace("proj1"))
        #expect(projectNow.properties?["publicNetworkAccess"]?.stringValue == "Enabled")
    }

    @Test func projectRefusalsUseTheRealTexts() async throws {
        let world = try MLTestWorld()
        try await world.createHub()

        let noHub = try await world.client.send("PUT", MLTestWorld.workspace("proj1"), body: #"{"kind":"Project","properties":{}}"#)
        #expect(noHub.status == 400)
        #expect(noHub.code == "BadRequest")

        let missingHub = try await world.createProject(hub: "ghost")
        #expect(missingHub.status == 400)
        #expect(missingHub.message == "Hub workspace '\(MLTestWorld.workspace("ghost"))' was not found or is not of kind 'Hub'.")

        let otherSubscription = try await world.client.send(
            "PUT", MLTestWorld.workspace("proj1"),
            body: #"{"kind":"Project","properties":{"hubResourceId":"/subscriptions/00000000-0000-0000-0000-000000000009"#
                + #"/resourceGroups/rg1/providers/Microsoft.MachineLearningServices/workspaces/hub1"}}"#)
        #expect(otherSubscription.status == 400)

        _ = try await world.client.send("PUT", MLTestWorld.workspace("plain"), body: #"{"location":"eastus"}"#)
        let notAHub = try await world.createProject(hub: "plain")
        #expect(notAHub.status == 400)
        #expect(notAHub.message == "Hub workspace '\(MLTestWorld.workspace("plain"))' was not found or is not of kind 'Hub'.")

        let network = try await world.createProject(extra: #","managedNetwork":{"isolationMode":"AllowOnlyApprovedOutbound"}"#)
        #expect(network.status == 400)
        #expect(network.message == "Project workspace shouldn't define it's own managed network properties.")

        let storage = try await world.createProject(
            extra: #","storageAccount":"/subscriptions/\#(MLTestWorld.subscription)/resourceGroups/rg1"#
                + #"/providers/Microsoft.Storage/storageAccounts/mine""#)
        #expect(storage.status == 400)
        #expect(
            storage.message?.hasPrefix(
                "To create a project workspace with a workspace hub, please only specify name, description, "
                    + "display_name, location, application insight and identity") == true)

        let location = try await world.client.send(
            "PUT", MLTestWorld.workspace("proj1"),
            body: #"{"kind":"Project","location":"westus","properties":{"hubResourceId":"\#(MLTestWorld.workspace("hub1"))"}}"#)
        #expect(location.status == 400)
        #expect(location.json?["error"]?["target"]?.stringValue == "location")
        #expect(try await world.client.send("GET", MLTestWorld.workspace("proj1")).status == 404)
    }

    @Test func hubResourceIdIsImmutable() async throws {
        let world = try MLTestWorld()
        try await world.createHub()
        try await world.createHub("hub2")
        try await world.createProject()
        let moved = try await world.createProject(hub: "hub2")
        #expect(moved.status == 400)
        #expect(moved.message?.hasPrefix("The hubResourceId of a project workspace cannot be changed after creation") == true)
        let patched = try await world.client.send(
            "PATCH", MLTestWorld.workspace("proj1"), body: #"{"properties":{"hubResourceId":"\#(MLTestWorld.workspace("hub2"))"}}"#)
        #expect(patched.status == 400)
        // Sending the GET body back unchanged (inherited values included) is accepted.
        let got = try await world.client.send("GET", MLTestWorld.workspace("proj1"))
        let roundTrip = try await world.client.send("PUT", MLTestWorld.workspace("proj1"), body: got.json!.compactString)
        #expect(roundTrip.status == 200)
    }

    @Test func hubDeleteIsRefusedWhileProjectsExist() async throws {
        let world = try MLTestWorld()
        try await world.createHub()
        try await world.createProject()
        let refused = try await world.client.send("DELETE", MLTestWorld.workspace("hub1"))
        #expect(refused.status == 409)
        #expect(refused.code == "Conflict")
        #expect(refused.message?.contains(MLTestWorld.workspace("proj1")) == true)
        #expect(try await world.client.send("GET", MLTestWorld.workspace("hub1")).status == 200)

        #expect(try await world.client.send("DELETE", MLTestWorld.workspace("proj1") + "?forceToPurge=true").status == 200)
        let hub = try await world.client.send("GET", MLTestWorld.workspace("hub1"))
        #expect(hub.properties?["associatedWorkspaces"] == [])
        #expect(try await world.client.send("DELETE", MLTestWorld.workspace("hub1") + "?forceToPurge=true").status == 200)
    }

    @Test func projectGetsItsContainersAndTheABACRoleAssignment() async throws {
        let world = try MLTestWorld()
        let hub = try await world.createHub()
        let project = try await world.createProject()
        let workspaceId = try #require(project.properties?["workspaceId"]?.stringValue)
        let principalId = try #require(project.json?["identity"]?["principalId"]?.stringValue)
        let storage = try #require(hub.properties?["storageAccount"]?.stringValue)

        let containers = try await world.client.send("GET", storage + "/blobServices/default/containers", apiVersion: "2023-05-01")
        #expect(Set(containers.names) == Set(["azureml", "blobstore", "code", "file"].map { "\(workspaceId)-\($0)" }))
        #expect(containers.json?["value"]?[0]?["type"]?.stringValue == "Microsoft.Storage/storageAccounts/blobServices/containers")

        let assignments = world.store.all(under: ResourceID(storage)!, types: ["Microsoft.Authorization/roleAssignments"])
        #expect(assignments.count == 1)
        let assignment = try #require(assignments.first)
        let expectedName = DeterministicGUID.make(ResourceID(MLTestWorld.workspace("proj1"))!.key + "|ba92f5b4-2d11-453d-a403-e96b0029c9fe")
        #expect(assignment.id.description == storage + "/providers/Microsoft.Authorization/roleAssignments/" + expectedName)
        #expect(ResourceID.isGUID(assignment.id.name))
        let properties = try #require(assignment.body["properties"])
        #expect(
            properties["roleDefinitionId"]?.stringValue
                == "/subscriptions/\(MLTestWorld.subscription)/providers/Microsoft.Authorization/roleDefinitions/"
                + "ba92f5b4-2d11-453d-a403-e96b0029c9fe")
        #expect(properties["principalId"]?.stringValue == principalId)
        #expect(properties["principalType"]?.stringValue == "ServicePrincipal")
        #expect(properties["scope"]?.stringValue == storage)
        #expect(properties["conditionVersion"]?.stringValue == "2.0")
        #expect(
            properties["condition"]?.stringValue?.contains(
                "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringStartsWith '\(workspaceId)'") == true)
        for key in ["createdOn", "updatedOn", "createdBy", "updatedBy", "description"] { #expect(properties[key] != nil) }
        #expect(assignment.body["type"]?.stringValue == "Microsoft.Authorization/roleAssignments")
        #expect(assignment.body["location"] == nil && assignment.body["tags"] == nil)

        // The project's identity can hold roles because it is a directory principal.
        #expect(world.directory.managedIdentity(objectId: principalId) != nil)
        // Deleting the project removes its assignment (its identity is gone).
        _ = try await world.client.send("DELETE", MLTestWorld.workspace("proj1") + "?forceToPurge=true")
        #expect(world.store.all(under: ResourceID(storage)!, types: ["Microsoft.Authorization/roleAssignments"]).isEmpty)
    }

    @Test func deterministicGUIDIsStableAndWellFormed() {
        let a = DeterministicGUID.make("/subscriptions/x/resourcegroups/rg/providers/p/w/a|role")
        #expect(a == DeterministicGUID.make("/SUBSCRIPTIONS/x/resourcegroups/rg/providers/p/w/a|role"))
        #expect(a != DeterministicGUID.make("/subscriptions/x/resourcegroups/rg/providers/p/w/b|role"))
        #expect(ResourceID.isGUID(a))
    }

    @Test func aHubWithoutItsStorageAccountStillGetsProjectsButNoContainers() async throws {
        let world = try MLTestWorld()
        let hub = try await world.createHub()
        let storage = try #require(hub.properties?["storageAccount"]?.stringValue)
        #expect(try await world.client.send("DELETE", storage, apiVersion: "2023-05-01").status == 200)
        let project = try await world.createProject()
        #expect(project.status == 200)
        #expect(world.store.all(under: ResourceID(storage)!).isEmpty)
        let hubNow = try await world.client.send("GET", MLTestWorld.workspace("hub1"))
        #expect(hubNow.properties?["associatedWorkspaces"] == [.string(MLTestWorld.workspace("proj1"))])
    }

    @Test func patchOfAProjectAcceptsItsInheritedValuesAndRefusesOthers() async throws {
        let world = try MLTestWorld()
        try await world.createHub(extra: #","managedNetwork":{"isolationMode":"AllowInternetOutbound"}"#)
        try await world.createProject()
        let same = try await world.client.send(
            "PATCH", MLTestWorld.workspace("proj1"),
            body: #"{"properties":{"friendlyName":"P1","managedNetwork":{"isolationMode":"AllowInternetOutbound"},"#
                + #""publicNetworkAccess":"Enabled"}}"#)
        #expect(same.status == 200)
        #expect(same.properties?["friendlyName"]?.stringValue == "P1")
        let other = try await world.client.send(
            "PATCH", MLTestWorld.workspace("proj1"), body: #"{"properties":{"managedNetwork":{"isolationMode":"Disabled"}}}"#)
        #expect(other.status == 400)
        #expect(other.message == "Project workspace shouldn't define it's own managed network properties.")
        let access = try await world.client.send(
            "PATCH", MLTestWorld.workspace("proj1"), body: #"{"properties":{"publicNetworkAccess":"Disabled"}}"#)
        #expect(access.status == 400)
    }
}
