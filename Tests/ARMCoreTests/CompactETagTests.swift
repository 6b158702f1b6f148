import Testing

@testable import ARMCore

/// An etag prints exactly the text it was made from, however it is kept.
@Suite struct CompactETagTests {
    @Test func issuedEtagsAreBitsAndOthersText() {
        // Given an etag the store issues, and texts that are not exactly a quoted lower-case GUID
        let issued = ResourceStore.newETag()
        let others = [
            "\"5B0132C6-0000-4000-8000-000000000000\"", "5b0132c6-0000-4000-8000-000000000000", "\"e1\"", "W/\"x\"", "",
            "\"5b0132c6-0000-4000-8000-00000000000g\"",
        ]
        // When each is kept compact
        // Then the issued one is kept as bits, the others as text, and each prints as it came
        if case .guid = CompactETag(issued) {} else { Issue.record("an issued etag is kept as its bits") }
        #expect(CompactETag(issued).description == issued)
        for text in others {
            if case .text = CompactETag(text) {} else { Issue.record("\(text) is kept as text") }
            #expect(CompactETag(text).description == text)
        }
    }
}
