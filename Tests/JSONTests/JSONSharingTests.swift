import Testing

@testable import JSON

/// Shared members read as the members given, in their order, with their exact values.
@Suite struct JSONSharingTests {
    static func bytes(_ object: JSONObject) -> String { JSONValue.object(object).compactString }

    @Test func anEqualValueInAnotherOrderOrSignIsNotShared() {
        // Given a first event, then one whose claims hold the same members in another order and
        // whose zero is negative
        let sharing = JSONSharing()
        let first: JSONObject = ["claims": ["a": "1", "b": "2"], "n": ["x": .double(0)]]
        let second: JSONObject = ["claims": ["b": "2", "a": "1"], "n": ["x": .double(-0.0)]]
        _ = sharing.shared(first)
        // When the second is read
        let read = sharing.shared(second)
        // Then it keeps its own order and sign (`==` would call both equal)
        #expect(Self.bytes(read) == Self.bytes(second))
        #expect(read["claims"]?.objectValue?.keys == ["b", "a"])
    }

    @Test func anIdenticalValueIsSharedWhateverCameBetween() {
        // Given events alternating between two statuses, with the same long caller
        let sharing = JSONSharing()
        let caller = "someone.with.a.long.name@contoso.com"
        let events: [JSONObject] = (0..<6).map { index in
            ["status": ["value": index % 2 == 0 ? "Started" : "Succeeded"], "caller": .string(caller), "i": .int(Int64(index))]
        }
        // When they are read
        let read = events.map { sharing.shared($0) }
        // Then each reads as it came
        #expect(read.map(Self.bytes) == events.map(Self.bytes))
        #expect(JSONSharing.identical(.object(read[4]), .object(events[4])))
        #expect(!JSONSharing.identical(.object(read[4]), .object(events[3])))
    }
}
