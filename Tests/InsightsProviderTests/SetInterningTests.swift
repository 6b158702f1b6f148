import Testing

@testable import InsightsProvider

/// The activity log's table of repeated names: equal names come back as the copy first kept,
/// short ones are not kept (they live inside the String value), and the table starts over when
/// full instead of growing without bound.
@Suite struct SetInterningTests {
    @Test func keepsLongNamesOnceAndAnswersTheKeptCopy() {
        var names = Set<String>()
        let first = "fe000000-0000-4000-8000-000000000002"
        #expect(names.interned(first) == first)
        #expect(names.interned(String(first)) == first)
        #expect(names.interned("eastus") == "eastus")
        #expect(names == [first])
    }

    @Test func startsOverWhenFull() {
        var names = Set((0..<4096).map { "name-of-some-length-\($0)" })
        #expect(names.interned("name-of-some-length-7") == "name-of-some-length-7")
        #expect(names.count == 4096)
        #expect(names.interned("a-new-name-of-some-length") == "a-new-name-of-some-length")
        #expect(names == ["a-new-name-of-some-length"])
    }
}
