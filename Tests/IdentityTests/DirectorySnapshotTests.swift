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
