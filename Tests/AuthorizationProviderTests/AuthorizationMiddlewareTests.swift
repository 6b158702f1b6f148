import ARMCore
import ARMTestSupport
import Foundation
import Identity
import Testing

@testable import AuthorizationProvider

@Suite("Authorization middleware")
struct AuthorizationMiddlewareTests {
    @Test func aPrincipalWithoutRolesGetsARMsExactMessage() async throws {
        let world = try AuthorizationTestWorld()
        let principal = world.newPrincipal()
        let path = "\(AuthorizationTestWorld.subscriptionID)/resourceGroups/rg1"
        let reply = try await world.client.send(
            "PUT", path, apiVersion: "2024-11-01", body: #"{"location":"eastus"}"#, as: principal.objectId)
        #expect(reply.status == 403)
        #expect(reply.code == "AuthorizationFailed")
        #expect(
            reply.message == "The client '\(principal.appId)' with object id '\(principal.objectId)' does not have authorization to "
                + "perform action 'Microsoft.Resources/subscriptions/resourceGroups/write' over scope '\(path)' or the scope is invalid. "
                + "If access was recently granted, please refresh your credentials.")
        // Nothing was written.
        #expect(!world.store.contains(ResourceID(path)!))
    }

    @Test func usersAreNamedByTheirUPN() async throws {
        let world = try AuthorizationTestWorld()
        let user = try world.directory.createUser(upn: "ann@foundryemulator.onmicrosoft.com", password: "pw", displayName: "Ann")
        let reply = try await world.client.send(
            "GET", "\(AuthorizationTestWorld.subscriptionID)/providers/Microsoft.Authorization/roleAssignments", as: user.objectId)
        #expect(reply.status == 403)
        #expect(reply.message?.hasPrefix("The client 'ann@foundryemulator.onmicrosoft.com' with object id '\(user.objectId)'") == true)
    }

    @Test func subscriptionListsShowOnlyWhatTheCallerCanRead() async throws {
        let world = try AuthorizationTestWorld()
        for name in ["rg-a", "rg-b", "rg-c"] { try await world.createGroup(name) }
        try world.createResource(
            "\(AuthorizationTestWorld.subscriptionID)/resourceGroups/rg-a/providers/Microsoft.Storage/storageAccounts/sa1")
        try world.createResource(
            "\(AuthorizationTestWorld.subscriptionID)/resourceGroups/rg-b/providers/Microsoft.Storage/storageAccounts/sa2")
        let principal = world.newPrincipal()
        #expect(
            try await world.assign(Role.reader, to: principal.objectId, at: "\(AuthorizationTestWorld.subscriptionID)/resourceGroups/rg-a")
                .status == 201)

        let groups = try await world.client.send(
            "GET", "\(AuthorizationTestWorld.subscriptionID)/resourcegroups", apiVersion: "2024-11-01", as: principal.objectId)
        #expect(groups.status == 200)
        #expect(groups.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["rg-a"])
        let resources = try await world.client.send(
            "GET", "\(AuthorizationTestWorld.subscriptionID)/resources", apiVersion: "2024-11-01", as: principal.objectId)
        #expect(resources.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["sa1"])
        // The operator (Owner) sees everything.
        let all = try await world.client.send("GET", "\(AuthorizationTestWorld.subscriptionID)/resourcegroups", apiVersion: "2024-11-01")
        #expect(all.json?["value"]?.arrayValue?.count == 3)
        // A single GET of another group is still a 403.
        let other = try await world.client.send(
            "GET", "\(AuthorizationTestWorld.subscriptionID)/resourceGroups/rg-b", apiVersion: "2024-11-01", as: principal.objectId)
        #expect(other.status == 403)
    }

    @Test func delegationConditionsOfAzureAIAccountOwner() async throws {
        let world = try AuthorizationTestWorld()
        try await world.createGroup("rg1")
        let group = "\(AuthorizationTestWorld.subscriptionID)/resourceGroups/rg1"
        let owner = world.newPrincipal("account-owner")
        let member = world.newPrincipal("member")
        #expect(try await world.assign(Role.aiAccountOwner, to: owner.objectId, at: group).status == 201)

        func assign(_ role: String) async throws -> TestClient.Reply {
            try await world.client.send(
                "PUT", "\(group)/providers/Microsoft.Authorization/roleAssignments/\(newGUID())",
                body: #"{"properties":{"roleDefinitionId":"\#(AuthorizationTestWorld.roleID(role))","principalId":"\#(member.objectId)"}}"#,
                as: owner.objectId)
        }
        #expect(try await assign(Role.aiUser).status == 201)
        let denied = try await assign(Role.owner)
        #expect(denied.status == 403)
        #expect(
            denied.message?.contains(
                "does not have authorization or an ABAC condition not fulfilled to perform action "
                    + "'Microsoft.Authorization/roleAssignments/write'") == true)
    }

    @Test func offModeLetsEveryAuthenticatedCallerThrough() async throws {
        let world = try AuthorizationTestWorld(enforce: false)
        let principal = world.newPrincipal()
        let reply = try await world.client.send(
            "PUT", "\(AuthorizationTestWorld.subscriptionID)/resourceGroups/rg1", apiVersion: "2024-11-01", body: #"{"location":"eastus"}"#,
            as: principal.objectId)
        #expect(reply.status == 201)
    }
}
