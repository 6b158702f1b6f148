import ARMCore
import Authorization
import Foundation
import Identity
import Testing

@testable import AuthorizationProvider

typealias Role = AuthorizationTestWorld.Role

@Suite("Role assignments")
struct RoleAssignmentsTests {
    @Test func createAtAResourceGroupThenGetListDelete() async throws {
        let world = try AuthorizationTestWorld()
        try await world.createGroup("rg1")
        let principal = world.newPrincipal()
        let scope = "\(AuthorizationTestWorld.subscriptionID)/resourceGroups/rg1"
        let name = newGUID()

        let created = try await world.assign(Role.reader, to: principal.objectId, at: scope, name: name)
        #expect(created.status == 201)
        #expect(created.json?["id"]?.stringValue == "\(scope)/providers/Microsoft.Authorization/roleAssignments/\(name)")
        #expect(created.json?["type"]?.stringValue == "Microsoft.Authorization/roleAssignments")
        #expect(created.json?["properties"]?["scope"]?.stringValue == scope)
        #expect(created.json?["properties"]?["principalType"]?.stringValue == "ServicePrincipal")
        #expect(created.json?["properties"]?["roleDefinitionId"]?.stringValue == AuthorizationTestWorld.roleID(Role.reader))
        #expect(created.json?["properties"]?["createdBy"]?.stringValue == WellKnown.operatorObjectId)
        #expect(created.json?["properties"]?["condition"] == .null)

        // The same PUT again: 200, unchanged.
        let again = try await world.assign(Role.reader, to: principal.objectId, at: scope, name: name)
        #expect(again.status == 200)

        let get = try await world.client.send("GET", "\(scope)/providers/Microsoft.Authorization/roleAssignments/\(name)")
        #expect(get.status == 200)
        #expect(get.json?["name"]?.stringValue == name)

        let listed = try await world.client.send("GET", "\(scope)/providers/Microsoft.Authorization/roleAssignments?$filter=atScope()")
        let ids = listed.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(ids.contains(name))
        #expect(ids.contains(AuthorizationProvider.operatorOwnerAssignmentName))  // above the scope

        let deleted = try await world.client.send("DELETE", "\(scope)/providers/Microsoft.Authorization/roleAssignments/\(name)")
        #expect(deleted.status == 200)
        #expect(deleted.json?["name"]?.stringValue == name)
        let gone = try await world.client.send("DELETE", "\(scope)/providers/Microsoft.Authorization/roleAssignments/\(name)")
        #expect(gone.status == 204)
        let missing = try await world.client.send("GET", "\(scope)/providers/Microsoft.Authorization/roleAssignments/\(name)")
        #expect(missing.status == 404)
        #expect(missing.code == "RoleAssignmentNotFound")
    }

    @Test func aScopeThatIsNoResourceIDIsInvalid() async throws {
        let world = try AuthorizationTestWorld()
        let scope = "\(AuthorizationTestWorld.subscriptionID)/resourceGroups"
        let listed = try await world.client.send("GET", "\(scope)/providers/Microsoft.Authorization/roleAssignments")
        #expect(listed.status == 400)
        #expect(listed.code == "InvalidScope")
        let read = try await world.client.send("GET", "\(scope)/providers/Microsoft.Authorization/roleAssignments/\(newGUID())")
        #expect(read.status == 400)
        #expect(read.code == "InvalidScope")
    }

    @Test func duplicatesAndChangedAssignmentsAreRefused() async throws {
        let world = try AuthorizationTestWorld()
        let principal = world.newPrincipal()
        let scope = AuthorizationTestWorld.subscriptionID
        let first = newGUID()
        #expect(try await world.assign(Role.reader, to: principal.objectId, at: scope, name: first).status == 201)

        let duplicate = try await world.assign(Role.reader, to: principal.objectId, at: scope)
        #expect(duplicate.status == 409)
        #expect(duplicate.code == "RoleAssignmentExists")
        #expect(
            duplicate.message == "The role assignment already exists. The ID of the existing role assignment is "
                + first.replacingOccurrences(of: "-", with: "") + ".")

        let changed = try await world.assign(Role.contributor, to: principal.objectId, at: scope, name: first)
        #expect(changed.status == 400)
        #expect(changed.code == "RoleAssignmentUpdateNotPermitted")

        // Names are unique across scopes.
        try await world.createGroup("rg1")
        let elsewhere = try await world.assign(Role.reader, to: principal.objectId, at: scope + "/resourceGroups/rg1", name: first)
        #expect(elsewhere.code == "RoleAssignmentUpdateNotPermitted")
        #expect(world.evaluator.allAssignments().filter { $0.principalId == principal.objectId }.count == 1)
    }

    @Test func badInputGetsARMErrorsAndWritesNothing() async throws {
        let world = try AuthorizationTestWorld()
        let principal = world.newPrincipal()
        let scope = AuthorizationTestWorld.subscriptionID
        let before = world.evaluator.allAssignments().count

        #expect(
            try await world.assign(Role.reader, to: principal.objectId, at: scope, name: "not-a-guid").code == "InvalidRoleAssignmentId")
        #expect(try await world.assign(newGUID(), to: principal.objectId, at: scope).code == "RoleDefinitionDoesNotExist")
        let badCondition = try await world.assign(Role.reader, to: principal.objectId, at: scope, condition: "@Resource[x] Nope 'a'")
        #expect(badCondition.status == 400)
        #expect(badCondition.code == "InvalidRoleAssignmentCondition")
        let unknown = try await world.assign(Role.reader, to: newGUID(), at: scope)
        #expect(unknown.status == 400)
        #expect(unknown.code == "PrincipalNotFound")
        let noGroup = try await world.assign(Role.reader, to: principal.objectId, at: scope + "/resourceGroups/nowhere")
        #expect(noGroup.status == 404)
        #expect(noGroup.code == "ResourceGroupNotFound")
        let noProperties = try await world.client.send(
            "PUT", "\(scope)/providers/Microsoft.Authorization/roleAssignments/\(newGUID())", body: #"{"properties":{"principalId":"x"}}"#)
        #expect(noProperties.status == 400)
        let unknownSubscription = try await AuthorizationTestWorld(enforce: false).client.send(
            "GET", "/subscriptions/\(newGUID())/providers/Microsoft.Authorization/roleAssignments")
        #expect(unknownSubscription.code == "SubscriptionNotFound")
        let badFilter = try await world.client.send(
            "GET", "\(scope)/providers/Microsoft.Authorization/roleAssignments?$filter=foo eq 'bar'")
        #expect(badFilter.status == 400)
        #expect(world.evaluator.allAssignments().count == before)
    }

    @Test func filtersAtScopePrincipalAndAssignedTo() async throws {
        let world = try AuthorizationTestWorld()
        try await world.createGroup("rg1")
        let a = world.newPrincipal("a")
        let b = world.newPrincipal("b")
        let group = "\(AuthorizationTestWorld.subscriptionID)/resourceGroups/rg1"
        let account = group + "/providers/Microsoft.CognitiveServices/accounts/acct"
        try world.createResource(account)
        #expect(try await world.assign(Role.reader, to: a.objectId, at: group).status == 201)
        #expect(try await world.assign(Role.openAIUser, to: b.objectId, at: account).status == 201)

        func principals(_ path: String) async throws -> Set<String> {
            let reply = try await world.client.send("GET", path)
            #expect(reply.status == 200)
            return Set(reply.json?["value"]?.arrayValue?.compactMap { $0["properties"]?["principalId"]?.stringValue } ?? [])
        }
        let base = "/providers/Microsoft.Authorization/roleAssignments"
        // No filter at the group: at, above and below.
        #expect(try await principals(group + base) == [a.objectId, b.objectId, WellKnown.operatorObjectId, WellKnown.userObjectId])
        // atScope(): at or above only.
        #expect(
            try await principals(group + base + "?$filter=atScope()") == [a.objectId, WellKnown.operatorObjectId, WellKnown.userObjectId])
        #expect(
            try await principals(AuthorizationTestWorld.subscriptionID + base + "?$filter=principalId%20eq%20'\(b.objectId)'") == [
                b.objectId
            ])
        #expect(try await principals(account + base + "?$filter=assignedTo('\(a.objectId)')") == [a.objectId])
        #expect(try await principals(account + base + "?$filter=atScope()%20and%20principalId%20eq%20'\(b.objectId)'") == [b.objectId])
    }

    @Test func assignmentsGoWithTheirResourceGroup() async throws {
        let world = try AuthorizationTestWorld()
        try await world.createGroup("doomed")
        let principal = world.newPrincipal()
        let group = "\(AuthorizationTestWorld.subscriptionID)/resourceGroups/doomed"
        try world.createResource(group + "/providers/Microsoft.Storage/storageAccounts/sa")
        #expect(try await world.assign(Role.reader, to: principal.objectId, at: group).status == 201)
        #expect(
            try await world.assign(
                Role.blobDataContributor, to: principal.objectId, at: group + "/providers/Microsoft.Storage/storageAccounts/sa"
            ).status == 201)
        let deleted = try await world.client.send("DELETE", group, apiVersion: "2024-11-01")
        #expect(deleted.status == 202)
        #expect(world.evaluator.allAssignments().allSatisfy { $0.principalId != principal.objectId })
    }
}
