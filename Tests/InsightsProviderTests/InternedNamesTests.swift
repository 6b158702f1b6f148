import Testing

@testable import InsightsProvider

/// The activity log's table of repeated names: equal names come back as the copy first kept (the
/// same storage, whether found among the last names or in the table), short ones are not kept
/// (they live inside the String value), and the table starts over when full instead of growing
/// without bound.
@Suite struct InternedNamesTests {
    /// A copy of `text` in storage of its own.
    static func distinctCopy(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    static func storage(_ text: String) -> UnsafeRawPointer? {
        text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }

    @Test func keepsLongNamesOnceAndAnswersTheKeptCopy() {
        var names = InternedNames()
        let first = Self.distinctCopy("fe000000-0000-4000-8000-000000000002")
        #expect(Self.storage(names.interned(first)) == Self.storage(first))
        let again = Self.distinctCopy(first)
        #expect(Self.storage(again) != Self.storage(first))
        #expect(Self.storage(names.interned(again)) == Self.storage(first))
        #expect(names.interned("eastus") == "eastus")
        #expect(names.count == 1)
    }

    @Test func answersTheKeptCopyAfterItLeftTheRecentNames() {
        var names = InternedNames()
        let first = Self.distinctCopy("Microsoft.Resources/resourceGroups/write")
        _ = names.interned(first)
        for index in 0..<20 { _ = names.interned("another-name-of-some-length-\(index)") }
        #expect(Self.storage(names.interned(Self.distinctCopy(first))) == Self.storage(first))
        #expect(names.count == 21)
    }

    @Test func startsOverWhenFull() {
        var names = InternedNames()
        for index in 0..<4096 { _ = names.interned("name-of-some-length-\(index)") }
        #expect(names.count == 4096)
        #expect(names.interned("name-of-some-length-7") == "name-of-some-length-7")
        #expect(names.count == 4096)
        #expect(names.interned("a-new-name-of-some-length") == "a-new-name-of-some-length")
        #expect(names.count == 1)
    }
}
