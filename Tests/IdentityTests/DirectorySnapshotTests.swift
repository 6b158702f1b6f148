import Foundation
import Testing

@testable import Identity

@Suite struct DirectorySnapshotTests {
    @Test func snapshotSurvivesAJSONRoundTrip() throws {
        // Given a directory with extra objects
        let directory = Directory()
        let app = directory.createServicePrincipal(displayName: "app")
        _ = directory.createManagedIdentity(displayName: "mi", resourceId: "/subscriptions/s/rg/mi")
        // When its snapshot is encoded, decoded and restored into another directory
        let data = try JSONEncoder().encode(directory.snapshot())
        let decoded = try JSONDecoder().decode(DirectorySnapshot.self, from: data)
        let other = Directory()
        try other.restore(decoded)
        // Then both hold the same objects
        #expect(other.snapshot() == directory.snapshot())
        #expect(other.servicePrincipal(appId: app.appId)?.secrets == app.secrets)
    }

    @Test func applicationsAndGroupsRoundTripAndOldSnapshotsDecode() throws {
        // Given a directory with an application (and a password) and a group
        let directory = Directory()
        let app = try directory.createApplication(displayName: "app")
        _ = try directory.addPassword(
            applicationObjectId: app.objectId, displayName: "p", startDateTime: "2026-01-01T00:00:00Z", endDateTime: "2099-01-01T00:00:00Z")
        let group = try directory.createGroup(displayName: "g", mailNickname: "g", description: nil)
        try directory.addMember(WellKnown.userObjectId, toGroup: group.objectId)
        // When its snapshot is encoded and decoded
        let data = try JSONEncoder().encode(directory.snapshot())
        let decoded = try JSONDecoder().decode(DirectorySnapshot.self, from: data)
        // Then both are kept
        #expect(decoded.applications.first?.passwordCredentials.count == 1)
        #expect(decoded.groups.first?.members == [WellKnown.userObjectId])
        // And a snapshot written before applications and groups existed still decodes
        var object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["applications"] = nil
        object["groups"] = nil
        let old = try JSONDecoder().decode(DirectorySnapshot.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.applications.isEmpty && old.groups.isEmpty)
        #expect(old.users == directory.snapshot().users)
    }

    @Test func restoreRefusesAnInconsistentSnapshotAndChangesNothing() {
        // Given a snapshot whose subscription names an unknown tenant
        var snapshot = DirectorySnapshot.wellKnown
        snapshot.subscriptions.append(Subscription(subscriptionId: newGUIDForTest(), tenantId: newGUIDForTest(), displayName: "x"))
        let directory = Directory()
        // When it is restored
        // Then it is refused and the directory is unchanged
        #expect(throws: DirectoryError.self) { try directory.restore(snapshot) }
        #expect(directory.snapshot() == .wellKnown)
    }

    @Test func restoreRefusesASnapshotWithoutTheWellKnownTenant() {
        #expect(throws: DirectoryError.self) { try Directory().restore(DirectorySnapshot()) }
    }

    @Test func wellKnownSnapshotIsValid() throws {
        try DirectorySnapshot.wellKnown.validate()
    }
}
