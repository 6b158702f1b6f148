import ARMCore
import Authorization
import Foundation
import Identity
import Testing

@testable import AuthorizationProvider

@Suite("Seeded assignments and internal requests")
struct SeedAndInternalRequestsTests {
    @Test func theSeedFilesAssignmentsAndTheOperatorsOwnerSurviveAReset() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("IdentityTests/Fixtures/seed-example.json").path
        let directory = try Directory(seedPath: fixture)
        let store = ResourceStore()
        let evaluator = AccessEvaluator(store: store)
        let provider = try AuthorizationProvider(directory: directory, store: store, evaluator: evaluator)
        provider.seed()
        let seeded = "72f988bf-0000-4000-8000-0000000000a2"
        let subscription = ResourceID("/subscriptions/72f988bf-0000-4000-8000-000000000002")!
        let write = "Microsoft.Resources/subscriptions/resourceGroups/write"
        #expect(evaluator.decide(principalId: seeded, action: write, scope: subscription).role?.roleName == "Contributor")
        #expect(
            evaluator.decide(
                principalId: WellKnown.operatorObjectId, action: "Microsoft.Authorization/roleAssignments/write",
                scope: ResourceID.subscription(WellKnown.subscriptionId)
            ).allowed)
        store.reset()
        #expect(!evaluator.decide(principalId: seeded, action: write, scope: subscription).allowed)
        provider.seed()
        #expect(evaluator.decide(principalId: seeded, action: write, scope: subscription).allowed)
        #expect(evaluator.allAssignments().count == 3)  // operator, default user, the seed's one; names stable
    }

    @Test func badSeedAssignmentsAreRefusedAtStart() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("seed-\(newGUID()).json").path
        try #"{"roleAssignments":[{"principalId":"x","roleDefinitionName":"Nobody","scope":"/subscriptions/a"}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let directory = try Directory(seedPath: path)
        #expect(throws: DirectoryError.self) {
            try AuthorizationProvider(directory: directory, store: ResourceStore(), evaluator: AccessEvaluator(store: ResourceStore()))
        }
    }

    @Test func internalRequestsAreAuthorizedAsTheOriginalCaller() async throws {
        let world = try AuthorizationTestWorld()
        let requests = InternalRequests()
        requests.connect(to: world.pipeline)
        let principal = world.newPrincipal()
        let caller = Caller(
            objectId: principal.objectId, tenantId: principal.tenantId, appId: principal.appId, principalType: .servicePrincipal)
        let path = "\(AuthorizationTestWorld.subscriptionID)/resourceGroups/made-internally"
        await #expect(throws: ARMError.self) {
            _ = try await requests.send(
                "PUT", path, apiVersion: "2024-11-01", body: ["location": "eastus"], as: caller, baseURL: "https://localhost:8443")
        }
        #expect(try await world.assign(Role.contributor, to: principal.objectId, at: AuthorizationTestWorld.subscriptionID).status == 201)
        let created = try await requests.send(
            "PUT", path, apiVersion: "2024-11-01", body: ["location": "eastus"], as: caller, baseURL: "https://localhost:8443")
        #expect(created.status == 201)
    }
}
