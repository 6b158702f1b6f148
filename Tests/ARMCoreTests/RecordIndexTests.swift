import Foundation
import Testing

@testable import ARMCore

/// The sharded index finds, replaces and removes every record by its key, and counts them.
@Suite struct RecordIndexTests {
    static func record(_ name: String) -> CompactResource {
        let id = ResourceID.resourceGroup(subscriptionID: Fixture.subscription, name: name)
        return CompactResource(StoredResource(id: id, body: ["name": .string(name)], etag: "\"\(name)\"", createdAt: Date()))
    }

    @Test func everyKeyIsFoundReplacedAndRemoved() {
        // Given 1,000 records, in every shard
        var index = RecordIndex()
        let records = (0..<1000).map { Self.record("g\($0)") }
        for record in records { #expect(index.updateValue(record, forKey: record.id.key) == nil) }
        // When one is replaced and 500 are removed
        let replacement = Self.record("g7")
        let replaced = index.updateValue(replacement, forKey: replacement.id.key)
        for record in records[500...] { #expect(index.removeValue(forKey: record.id.key) === record) }
        // Then the count and every lookup follow
        #expect(replaced === records[7])
        #expect(index.count == 500)
        #expect(index[replacement.id.key] === replacement)
        #expect(records[..<500].allSatisfy { index[$0.id.key] != nil })
        #expect(records[500...].allSatisfy { index[$0.id.key] == nil })
        #expect(index.removeValue(forKey: "absent") == nil && index.count == 500)
    }
}
