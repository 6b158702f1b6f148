import ARMCore
import Foundation
import Identity
import Synchronization
import Testing

@testable import MachineLearningServicesProvider

/// The linked access check a project makes on its hub (`workspaces/hubs/join/action`, docs/azure-behaviours.md "Hub and project rules",
/// "Denials").
@Suite("ML project linked access check")
struct LinkedAccessTests {
    /// Records what the provider asked and grants the join only on `allowedHub`.
    final class Recorder: Sendable {
        let asked = Mutex<[(String, String, String)]>([])
        let allowedHub: String

        init(allowedHub: String) { self.allowedHub = allowedHub }

        var check: MachineLearningServicesProvider.AccessCheck {
            { [self] caller, action, scope in
                asked.withLock { $0.append((caller.objectId, action, scope.description)) }
                return scope.key == allowedHub.lowercased()
            }
        }
    }

    @Test func projectWithoutJoinOnTheHubIsRefusedWithLinkedAuthorizationFailed() async throws {
        let recorder = Recorder(allowedHub: MLTestWorld.workspace("hub1"))
        let world = try MLTestWorld(linkedAccess: recorder.check)
        try await world.createHub()
        try await world.createHub("hub2")

        let refused = try await world.createProject(hub: "hub2")
        #expect(refused.status == 403)
        #expect(refused.code == "LinkedAuthorizationFailed")
        #expect(
            refused.message == "The client '\(WellKnown.operatorClientId)' with object id '\(WellKnown.operatorObjectId)' has "
                + "permission to perform action 'Microsoft.MachineLearningServices/workspaces/write' on scope "
                + "'\(MLTestWorld.workspace("proj1"))'; however, it does not have permission to perform action(s) "
                + "'Microsoft.MachineLearningServices/workspaces/hubs/join/action' on the linked scope(s) "
                + "'\(MLTestWorld.workspace("hub2"))' (respectively) or the linked scope(s) are invalid.")
        // Nothing was written: no project, no identity, no link on the hub.
        #expect(try await world.client.send("GET", MLTestWorld.workspace("proj1")).status == 404)
        #expect(try await world.client.send("GET", MLTestWorld.workspace("hub2")).properties?["associatedWorkspaces"] == [])
        #expect(world.directory.managedIdentity(resourceId: MLTestWorld.workspace("proj1")) == nil)

        let allowed = try await world.createProject(hub: "hub1")
        #expect(allowed.status == 200)
        let asked = recorder.asked.withLock { $0 }
        #expect(asked.count == 2)
        #expect(asked.allSatisfy { $0.0 == WellKnown.operatorObjectId })
        #expect(asked.allSatisfy { $0.1 == "Microsoft.MachineLearningServices/workspaces/hubs/join/action" })
        #expect(asked.map(\.2) == [MLTestWorld.workspace("hub2"), MLTestWorld.workspace("hub1")])
    }

    @Test func theCheckComesBeforeTheHubIsLookedUp() async throws {
        // ARM checks linked scopes before the RP sees the request: a caller without access to the
        // named scope gets 403 even when no hub is there; one with access gets the RP's 400.
        let recorder = Recorder(allowedHub: MLTestWorld.workspace("ghost"))
        let world = try MLTestWorld(linkedAccess: recorder.check)
        try await world.createGroup()
        let denied = try await world.createProject(hub: "nothere")
        #expect(denied.status == 403)
        #expect(denied.code == "LinkedAuthorizationFailed")
        let missing = try await world.createProject(hub: "ghost")
        #expect(missing.status == 400)
        #expect(missing.message == "Hub workspace '\(MLTestWorld.workspace("ghost"))' was not found or is not of kind 'Hub'.")
    }

    @Test func hubsAndUpdatesOfOtherKindsAreNotLinkChecked() async throws {
        let recorder = Recorder(allowedHub: "/nothing")
        let world = try MLTestWorld(linkedAccess: recorder.check)
        #expect(try await world.createHub().status == 200)
        #expect(try await world.client.send("PATCH", MLTestWorld.workspace("hub1"), body: #"{"tags":{"a":"b"}}"#).status == 200)
        #expect(recorder.asked.withLock { $0.isEmpty })
    }

    @Test func withoutRBACThereIsNoCheck() async throws {
        let world = try MLTestWorld()
        try await world.createHub()
        #expect(try await world.createProject().status == 200)
    }
}
