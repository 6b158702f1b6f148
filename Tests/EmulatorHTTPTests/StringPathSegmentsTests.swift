import Testing

@testable import EmulatorHTTP

@Suite struct StringPathSegmentsTests {
    @Test func nonEmptySegmentsAsSent() {
        #expect("".nonEmptyPathSegments == [])
        #expect("/".nonEmptyPathSegments == [])
        #expect("////".nonEmptyPathSegments == [])
        #expect("a".nonEmptyPathSegments == ["a"])
        #expect("//metadata//endpoints/".nonEmptyPathSegments == ["metadata", "endpoints"])
        #expect("/subscriptions/S/resourceGroups/My%20RG".nonEmptyPathSegments == ["subscriptions", "S", "resourceGroups", "My%20RG"])
        // Non-ASCII segments stay whole (a `/` never splits a multi-byte character)
        #expect("/東京/café/".nonEmptyPathSegments == ["東京", "café"])
        // As many segments as there can be
        #expect("/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q".nonEmptyPathSegments.count == 17)
    }
}
