import JSON
import Testing

@testable import ARMCore

/// Read-back bodies are found again for the same buffer only, and the cache stays bounded.
@Suite struct ReadBackBodiesTests {
    @Test func theSameBufferIsFoundAndAnotherIsReadAgain() {
        // Given a cache of two entries and a compact body read once
        let cache = ReadBackBodies(capacity: 2)
        let compact = CompactJSON(["a": 1, "id": "/x"], sharing: "/x", "\"e\"")
        let first = cache.body(of: compact, id: "/x", etag: "\"e\"")
        // When it is read again, and an equal body in another buffer under the same etag is read
        let again = cache.body(of: compact, id: "/x", etag: "\"e\"")
        let otherBuffer = cache.body(of: CompactJSON(["a": 2, "id": "/x"], sharing: "/x", "\"e\""), id: "/x", etag: "\"e\"")
        // Then each answers its own buffer's body
        #expect(first == ["a": 1, "id": "/x"] && again == first)
        #expect(otherBuffer == ["a": 2, "id": "/x"])
        // And more etags than fit start the cache over
        for index in 0..<5 { _ = cache.body(of: compact, id: "/x", etag: "\"\(index)\"") }
        #expect(cache.count <= 2)
    }
}
