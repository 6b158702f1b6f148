import ARMCore
import Foundation
import Identity
import Testing

@testable import AuthorizationProvider

@Suite("Role definitions and permissions")
struct RoleDefinitionsTests {
    @Test func listFilterAndGetBuiltIns() async throws {
        let world = try AuthorizationTestWorld()
        let base = "\(AuthorizationTestWorld.subscriptionID)/providers/Microsoft.Authorization/roleDefinitions"
        let byName = try await world.client.send(
            "GET", base + "?$filter=roleName%20eq%20'Cognitive%20Services%20OpenAI%20User'", apiVersion: "2022-05-01-preview")
        #expect(byName.status == 200)
        let values = byName.json?["value"]?.arrayValue ?? []
        #expect(values.count == 1)
        #expect(values.first?["name"]?.stringValue == Role.openAIUser)
        #expect(values.first?["id"]?.stringValue == "\(base)/\(Role.openAIUser)")
        #expect(values.first?["properties"]?["type"]?.stringValue == "BuiltInRole")
        #expect(values.first?["properties"]?["assignableScopes"] == ["/"])

        let builtIns = try await world.client.send("GET", base + "?$filter=type%20eq%20'BuiltInRole'")
        #expect((builtIns.json?["value"]?.arrayValue?.count ?? 0) >= 18)

        let tenantLevel = try await world.client.send("GET", "/providers/Microsoft.Authorization/roleDefinitions/\(Role.owner)")
        #expect(tenantLevel.status == 200)
        #expect(tenantLevel.json?["id"]?.stringValue == "/providers/Microsoft.Authorization/roleDefinitions/\(Role.owner)")
        #expect(tenantLevel.json?["properties"]?["roleName"]?.stringValue == "Owner")

        let missing = try await world.client.send("GET", base + "/\(newGUID())")
        #expect(missing.status == 404)
        #expect(missing.code == "RoleDefinitionDoesNotExist")
    }

    @Test func customRoleLifecycleAndAssignableScopes() async throws {
        let world = try AuthorizationTestWorld()
        try await world.createGroup("rg1")
        try await world.createGroup("rg2")
        let sub = AuthorizationTestWorld.subscriptionID
        let guid = newGUID()
        let body =
            #"{"properties":{"roleName":"Connection Reader","description":"reads connections","type":"CustomRole","permissions":[{"actions":["Microsoft.MachineLearningServices/workspaces/connections/read"]}],"assignableScopes":["\#(sub)/resourceGroups/rg1"]}}"#
        let created = try await world.client.send("PUT", "\(sub)/providers/Microsoft.Authorization/roleDefinitions/\(guid)", body: body)
        #expect(created.status == 201)
        #expect(created.json?["properties"]?["type"]?.stringValue == "CustomRole")
        #expect(created.json?["properties"]?["permissions"]?[0]?["notActions"] == [])

        let listed = try await world.client.send(
            "GET",
            "\(sub)/resourceGroups/rg1/providers/Microsoft.Authorization/roleDefinitions?$filter=roleName%20eq%20'Connection%20Reader'")
        #expect(listed.json?["value"]?.arrayValue?.count == 1)

        let principal = world.newPrincipal()
        let outside = try await world.assign(guid, to: principal.objectId, at: "\(sub)/resourceGroups/rg2")
        #expect(outside.status == 400)
        #expect(outside.code == "ScopeNotAllowed")
        let inside = try await world.assign(guid, to: principal.objectId, at: "\(sub)/resourceGroups/rg1")
        #expect(inside.status == 201)
        let hub = "\(sub)/resourceGroups/rg1/providers/Microsoft.MachineLearningServices/workspaces/hub"
        #expect(
            world.evaluator.decide(
                principalId: principal.objectId, action: "Microsoft.MachineLearningServices/workspaces/connections/read",
                scope: ResourceID(hub + "/connections/c")!
            ).allowed)

        let duplicateName = try await world.client.send(
            "PUT", "\(sub)/providers/Microsoft.Authorization/roleDefinitions/\(newGUID())", body: body)
        #expect(duplicateName.status == 409)
        let builtIn = try await world.client.send(
            "PUT", "\(sub)/providers/Microsoft.Authorization/roleDefinitions/\(Role.reader)", body: body)
        #expect(builtIn.status == 403)
        let stillAssigned = try await world.client.send("DELETE", "\(sub)/providers/Microsoft.Authorization/roleDefinitions/\(guid)")
        #expect(stillAssigned.status == 409)
        let name = inside.json?["name"]?.stringValue ?? ""
        _ = try await world.client.send("DELETE", "\(sub)/resourceGroups/rg1/providers/Microsoft.Authorization/roleAssignments/\(name)")
        #expect(try await world.client.send("DELETE", "\(sub)/providers/Microsoft.Authorization/roleDefinitions/\(guid)").status == 200)
        #expect(try await world.client.send("DELETE", "\(sub)/providers/Microsoft.Authorization/roleDefinitions/\(guid)").status == 204)
    }

    @Test func permissionsAreTheCallersBlocksAtTheScope() async throws {
        let world = try AuthorizationTestWorld()
        try await world.createGroup("rg1")
        let principal = world.newPrincipal()
        let group = "\(AuthorizationTestWorld.subscriptionID)/resourceGroups/rg1"
        #expect(try await world.assign(Role.reader, to: principal.objectId, at: group).status == 201)
        #expect(try await world.assign(Role.aiDeveloper, to: principal.objectId, at: group).status == 201)
        let reply = try await world.client.send("GET", group + "/providers/Microsoft.Authorization/permissions", as: principal.objectId)
        #expect(reply.status == 200)
        let blocks = reply.json?["value"]?.arrayValue ?? []
        #expect(blocks.count == 2)
        #expect(blocks.contains { $0["actions"] == ["*/read"] })
        let atSubscription = try await world.client.send(
            "GET", AuthorizationTestWorld.subscriptionID + "/providers/Microsoft.Authorization/permissions", as: principal.objectId)
        #expect(atSubscription.json?["value"]?.arrayValue?.isEmpty == true)
    }
}
