import ARMCore
import Foundation
import Identity
import Testing

@testable import MachineLearningServicesProvider

@Suite("ML workspaces")
struct WorkspacesTests {
    @Test func hubPutAnswers200WithServerFilledFieldsAndRealDependents() async throws {
        let world = try MLTestWorld()
        let hub = try await world.createHub()
        #expect(hub.status == 200)
        let properties = try #require(hub.properties)
        let workspaceId = try #require(properties["workspaceId"]?.stringValue)
        #expect(ResourceID.isGUID(workspaceId))
        #expect(properties["provisioningState"]?.stringValue == "Succeeded")
        #expect(properties["discoveryUrl"]?.stringValue == "https://eastus.api.azureml.ms/discovery")
        #expect(
            properties["mlFlowTrackingUri"]?.stringValue
                == "azureml://eastus.api.azureml.ms/mlflow/v1.0/subscriptions/\(MLTestWorld.subscription)/resourceGroups/rg1"
                + "/providers/Microsoft.MachineLearningServices/workspaces/hub1")
        #expect(hub.json?["type"]?.stringValue == "Microsoft.MachineLearningServices/workspaces")
        #expect(hub.json?["kind"]?.stringValue == "Hub")
        #expect(hub.json?["etag"]?.stringValue != nil)
        #expect(hub.json?["systemData"]?["createdBy"]?.stringValue == WellKnown.operatorClientId)
        #expect(properties["associatedWorkspaces"]?.arrayValue?.isEmpty == true)
        #expect(properties["managedNetwork"]?["isolationMode"]?.stringValue == "Disabled")

        // The storage account and key vault are real resources, named as azure-ai-ml names them.
        let storage = try #require(properties["storageAccount"]?.stringValue)
        let vault = try #require(properties["keyVault"]?.stringValue)
        #expect(storage.contains("/providers/Microsoft.Storage/storageAccounts/hub1storage"))
        #expect(ResourceID(storage)?.name.count == 24)
        #expect(vault.contains("/providers/Microsoft.KeyVault/vaults/hub1keyvault"))
        #expect(try await world.client.send("GET", storage, apiVersion: "2023-05-01").status == 200)
        #expect(try await world.client.send("GET", vault, apiVersion: "2023-07-01").status == 200)
        let listed = try await world.client.send("GET", MLTestWorld.group("rg1") + "/resources")
        let types = Set(listed.json?["value"]?.arrayValue?.compactMap { $0["type"]?.stringValue } ?? [])
        #expect(
            types == ["Microsoft.MachineLearningServices/workspaces", "Microsoft.Storage/storageAccounts", "Microsoft.KeyVault/vaults"])
    }

    @Test func systemAssignedIdentityIsARealPrincipalThatGoesWithTheWorkspace() async throws {
        let world = try MLTestWorld()
        let hub = try await world.createHub()
        let principalId = try #require(hub.json?["identity"]?["principalId"]?.stringValue)
        #expect(hub.json?["identity"]?["type"]?.stringValue == "SystemAssigned")
        #expect(hub.json?["identity"]?["tenantId"]?.stringValue == WellKnown.tenantId)
        let identity = try #require(world.directory.managedIdentity(objectId: principalId))
        #expect(identity.resourceId?.lowercased() == MLTestWorld.workspace("hub1").lowercased())

        // A repeated PUT keeps the same principal.
        let again = try await world.createHub()
        #expect(again.json?["identity"]?["principalId"]?.stringValue == principalId)
        #expect(again.properties?["workspaceId"] == hub.properties?["workspaceId"])

        #expect(try await world.client.send("DELETE", MLTestWorld.workspace("hub1") + "?forceToPurge=true").status == 200)
        #expect(world.directory.managedIdentity(objectId: principalId) == nil)
    }

    @Test func putNeverAnswers201AndKindCannotChange() async throws {
        let world = try MLTestWorld()
        try await world.createGroup()
        let created = try await world.client.send("PUT", MLTestWorld.workspace("ws1"), body: #"{"location":"East US","properties":{}}"#)
        #expect(created.status == 200)
        #expect(created.json?["location"]?.stringValue == "eastus")
        #expect(created.json?["kind"]?.stringValue == "Default")
        let moved = try await world.client.send("PUT", MLTestWorld.workspace("ws1"), body: #"{"location":"westus","properties":{}}"#)
        #expect(moved.status == 409)
        #expect(moved.code == "InvalidResourceLocation")
        let toHub = try await world.client.send(
            "PUT", MLTestWorld.workspace("ws1"), body: #"{"location":"eastus","kind":"hub","properties":{}}"#)
        #expect(toHub.status == 400)
        #expect(toHub.code == "BadRequest")
        #expect(toHub.message == "The kind of workspace cannot be changed from 'Default' to 'hub'.")
    }

    @Test func badInputGetsARMErrorsAndWritesNothing() async throws {
        let world = try MLTestWorld()
        try await world.createGroup()
        let before = world.store.count
        let noLocation = try await world.client.send("PUT", MLTestWorld.workspace("hubx"), body: #"{"kind":"Hub","properties":{}}"#)
        #expect(noLocation.status == 400)
        #expect(noLocation.code == "LocationRequired")
        let badKind = try await world.client.send("PUT", MLTestWorld.workspace("hubx"), body: #"{"kind":"Lake","location":"eastus"}"#)
        #expect(badKind.status == 400)
        #expect(badKind.message == "Workspace kind 'Lake' is not supported. Supported kinds are 'Default', 'Hub' and 'Project'.")
        let badName = try await world.client.send("PUT", MLTestWorld.workspace("x"), body: #"{"location":"eastus"}"#)
        #expect(badName.status == 400)
        #expect(badName.code == "InvalidResourceName")
        let badNetwork = try await world.client.send(
            "PUT", MLTestWorld.workspace("hubx"),
            body: #"{"kind":"Hub","location":"eastus","properties":{"managedNetwork":{"isolationMode":"Open"}}}"#)
        #expect(badNetwork.status == 400)
        #expect(badNetwork.json?["error"]?["target"]?.stringValue == "properties.managedNetwork.isolationMode")
        let badAccess = try await world.client.send(
            "PUT", MLTestWorld.workspace("hubx"), body: #"{"kind":"Hub","location":"eastus","properties":{"publicNetworkAccess":"Maybe"}}"#)
        #expect(badAccess.status == 400)
        let noGroup = try await world.client.send("PUT", MLTestWorld.workspace("hubx", rg: "nope"), body: #"{"location":"eastus"}"#)
        #expect(noGroup.status == 404)
        #expect(noGroup.code == "ResourceGroupNotFound")
        #expect(world.store.count == before)
    }

    @Test func getMissingIsARMResourceNotFound() async throws {
        let world = try MLTestWorld()
        try await world.createGroup()
        let missing = try await world.client.send("GET", MLTestWorld.workspace("nope"))
        #expect(missing.status == 404)
        #expect(missing.code == "ResourceNotFound")
        #expect(
            missing.message == "The Resource 'Microsoft.MachineLearningServices/workspaces/nope' under resource group 'rg1' was not "
                + "found. For more details please go to https://aka.ms/ARMResourceNotFoundFix")
    }

    @Test func patchChangesMutableFieldsAndRefusesImmutableOnes() async throws {
        let world = try MLTestWorld()
        try await world.createHub()
        let patched = try await world.client.send(
            "PATCH", MLTestWorld.workspace("hub1"),
            body: #"{"tags":{"team":"ai"},"properties":{"description":"d2","publicNetworkAccess":"Disabled","workspaceId":"x"}}"#)
        #expect(patched.status == 200)
        #expect(patched.json?["tags"]?["team"]?.stringValue == "ai")
        #expect(patched.properties?["description"]?.stringValue == "d2")
        #expect(patched.properties?["publicNetworkAccess"]?.stringValue == "Disabled")
        #expect(patched.properties?["workspaceId"]?.stringValue != "x")
        let storage = try await world.client.send(
            "PATCH", MLTestWorld.workspace("hub1"),
            body: #"{"properties":{"storageAccount":"/subscriptions/\#(MLTestWorld.subscription)/resourceGroups/rg1"#
                + #"/providers/Microsoft.Storage/storageAccounts/other"}}"#)
        #expect(storage.status == 400)
        #expect(storage.message == "The property 'storageAccount' cannot be changed once the workspace has been created.")
        let missing = try await world.client.send("PATCH", MLTestWorld.workspace("nope"), body: #"{"tags":{}}"#)
        #expect(missing.status == 404)
    }

    @Test func listsPageWithNextLinkAndFilterByKind() async throws {
        let world = try MLTestWorld()
        try await world.createHub()
        for index in 0..<3 { try await world.createProject("proj\(index)") }
        let page = try await world.client.send(
            "GET", MLTestWorld.group("rg1") + "/providers/Microsoft.MachineLearningServices/workspaces?$top=2")
        #expect(page.status == 200)
        #expect(page.names == ["hub1", "proj0"])
        let next = try #require(page.json?["nextLink"]?.stringValue)
        let path = String(next.dropFirst("https://localhost:8443".count))
        let second = try await world.client.send("GET", path, apiVersion: "")
        #expect(second.names == ["proj1", "proj2"])
        #expect(second.json?["nextLink"] == nil)

        let projects = try await world.client.send(
            "GET", "/subscriptions/\(MLTestWorld.subscription)/providers/Microsoft.MachineLearningServices/workspaces?kind=project")
        #expect(projects.names == ["proj0", "proj1", "proj2"])
        // Projects in lists show their inherited values too.
        #expect(projects.json?["value"]?[0]?["properties"]?["storageAccount"] != nil)
    }

    @Test func deleteSoftDeletesUnlessPurgedAndAnswers204WhenAbsent() async throws {
        let world = try MLTestWorld()
        try await world.createGroup()
        _ = try await world.client.send("PUT", MLTestWorld.workspace("ws1"), body: #"{"location":"eastus"}"#)
        #expect(try await world.client.send("DELETE", MLTestWorld.workspace("ws1")).status == 200)
        #expect(try await world.client.send("GET", MLTestWorld.workspace("ws1")).status == 404)
        let reuse = try await world.client.send("PUT", MLTestWorld.workspace("ws1"), body: #"{"location":"eastus"}"#)
        #expect(reuse.status == 409)
        #expect(reuse.code == "Conflict")
        #expect(try await world.client.send("DELETE", MLTestWorld.workspace("ws1") + "?forceToPurge=true").status == 200)
        #expect(try await world.client.send("PUT", MLTestWorld.workspace("ws1"), body: #"{"location":"eastus"}"#).status == 200)
        #expect(try await world.client.send("DELETE", MLTestWorld.workspace("ws1") + "?forceToPurge=true").status == 200)
        #expect(try await world.client.send("DELETE", MLTestWorld.workspace("ws1")).status == 204)
    }

    @Test func providerRegistrationListsWorkspacesWithLocations() async throws {
        let world = try MLTestWorld()
        let provider = try await world.client.send(
            "GET", "/subscriptions/\(MLTestWorld.subscription)/providers/Microsoft.MachineLearningServices", apiVersion: "2025-04-01")
        #expect(provider.status == 200)
        let types = provider.json?["resourceTypes"]?.arrayValue ?? []
        let workspaces = types.first { $0["resourceType"]?.stringValue == "workspaces" }
        #expect(workspaces?["locations"]?.arrayValue?.isEmpty == false)
        #expect(workspaces?["apiVersions"]?.arrayValue?.contains(.string("2025-12-01")) == true)
    }

    @Test func withAProvisioningDelayPutAndDeleteAnswer202AndFinishWithoutPolling() async throws {
        let world = try MLTestWorld(provisioningDelay: .seconds(2))
        try await world.createGroup()
        let put = try await world.client.send("PUT", MLTestWorld.workspace("ws1"), body: #"{"location":"eastus"}"#)
        #expect(put.status == 202)
        #expect(put.headers["Retry-After"] == "1")
        let location = try #require(put.headers["Location"])
        #expect(
            try await world.client.send("GET", MLTestWorld.workspace("ws1")).properties?["provisioningState"]?.stringValue == "Creating")
        await world.operations.waitForAll()
        #expect(
            try await world.client.send("GET", MLTestWorld.workspace("ws1")).properties?["provisioningState"]?.stringValue == "Succeeded")
        let final = try await world.client.send("GET", String(location.dropFirst("https://localhost:8443".count)), apiVersion: "")
        #expect(final.status == 200)
        #expect(final.json?["name"]?.stringValue == "ws1")
        #expect(final.properties?["provisioningState"]?.stringValue == "Succeeded")

        let delete = try await world.client.send("DELETE", MLTestWorld.workspace("ws1") + "?forceToPurge=true")
        #expect(delete.status == 202)
        #expect(delete.headers["Location"] != nil)
        await world.operations.waitForAll()
        #expect(try await world.client.send("GET", MLTestWorld.workspace("ws1")).status == 404)
    }

    @Test func aFailedPreconditionWritesNothing() async throws {
        let world = try MLTestWorld()
        try await world.createGroup()
        let before = world.store.count
        let refused = try await world.client.send(
            "PUT", MLTestWorld.workspace("hub9"), body: #"{"location":"eastus","kind":"Hub"}"#, headers: [("If-Match", "*")])
        #expect(refused.status == 412)
        #expect(world.store.count == before)
        #expect(world.directory.managedIdentity(resourceId: MLTestWorld.workspace("hub9")) == nil)
    }
}
