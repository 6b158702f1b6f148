import Foundation
import JSON
import Testing

@testable import ARMCore

/// Read-back records are found again for the same kept record only, and the cache stays bounded.
@Suite struct ReadBackResourcesTests {
    static func record(_ value: Int, etag: String = "\"e\"") -> CompactResource {
        let id = ResourceID.resourceGroup(subscriptionID: Fixture.subscription, name: "rg")
        return CompactResource(StoredResource(id: id, body: ["a": .int(Int64(value))], etag: etag, createdAt: Date()))
    }

    @Test func theSameRecordIsFoundAndAnotherIsReadAgain() {
        // Given a cache of two entries and a record read once
        let cache = ReadBackResources(capacity: 2)
        let record = Self.record(1)
        let first = cache.resource(of: record)
        // When it is read again, and another record with the same etag is read
        let again = cache.resource(of: record)
        let other = cache.resource(of: Self.record(2))
        // Then each answers its own body
        #expect(first.body == ["a": 1] && again == first)
        #expect(other.body == ["a": 2])
        // And more records than fit start the cache over
        for index in 0..<5 { _ = cache.resource(of: Self.record(index)) }
        #expect(cache.count <= 2)
    }
}
