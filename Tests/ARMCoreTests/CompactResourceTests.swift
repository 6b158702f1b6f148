import Foundation
import JSON
import Testing

@testable import ARMCore

/// A record kept compact reads back as the resource stored.
@Suite struct CompactResourceTests {
    static func group(name: String = "Rg-\u{e9}") -> StoredResource {
        let id = ResourceID.resourceGroup(subscriptionID: Fixture.subscription, name: name)
        let etag = ResourceStore.newETag()
        return StoredResource(
            id: id,
            body: [
                "id": .string(id.description), "name": .string(name), "type": "Microsoft.Resources/resourceGroups",
                "location": "eastus", "tags": ["k": "v", "n": 1.25, "big": .int(-9_007_199_254_740_993)],
                "properties": ["provisioningState": "Succeeded"], "etag": .string(etag),
            ],
            etag: etag, createdAt: Date(timeIntervalSince1970: 1_700_000_000), modifiedAt: Date(timeIntervalSince1970: 1_700_000_001),
            privateState: ["keys": ["k1"]])
    }

    @Test func aRecordReadsBackTheResourceStored() {
        // Given a resource group as a handler stores it
        let resource = Self.group()
        // When it is kept compact and read back
        let record = CompactResource(resource)
        let back = record.resource
        // Then it is the same record, and its body serializes to the same bytes
        #expect(back == resource)
        #expect(back.body.serialized() == resource.body.serialized())
        #expect(back.id.description == resource.id.description && back.privateState == resource.privateState)
        // And it is kept in fewer bytes than its JSON
        #expect(record.body.bytes.count * 3 < resource.body.serialized().count)
    }

    @Test func aNewVersionIsNeverAnsweredFromAnOldReadBack() {
        // Given a record read once (so its body is among those read recently)
        let first = Self.group()
        _ = CompactResource(first).resource
        // When a record with the same etag but another body is read
        var other = first
        other.body["location"] = "westus"
        let back = CompactResource(other).resource
        // Then its own body is answered
        #expect(back.body["location"] == "westus")
    }
}
