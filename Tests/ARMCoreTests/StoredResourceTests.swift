import Foundation
import Testing

@testable import ARMCore

@Suite struct StoredResourceTests {
    @Test func snapshotJSONRoundTrips() throws {
        let id = ResourceID.resourceGroup(subscriptionID: Fixture.subscription, name: "RG")
        let resource = StoredResource(
            id: id, body: ["name": "RG", "location": "eastus"], etag: "\"e1\"",
            createdAt: Date(timeIntervalSince1970: 1_700_000_000), modifiedAt: Date(timeIntervalSince1970: 1_700_000_100),
            privateState: ["keys": ["k1"]])
        let back = try #require(StoredResource(snapshotJSON: resource.snapshotJSON))
        #expect(back == resource)
        #expect(back.id.description == id.description)
        #expect(StoredResource(snapshotJSON: ["id": "nope"]) == nil)
    }
}
