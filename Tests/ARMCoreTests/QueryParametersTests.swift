import Testing

@testable import ARMCore

@Suite struct QueryParametersTests {
    @Test func namesAreCaseInsensitiveAndValuesDecoded() {
        let query = QueryParameters("API-Version=2025-06-01&$filter=resourceType%20eq%20'a+b'&flag&$skipToken=x")
        #expect(query["api-version"] == "2025-06-01")
        #expect(query["$FILTER"] == "resourceType eq 'a b'")
        #expect(query["flag"] == "")
        #expect(query["$skiptoken"] == "x")
        #expect(query["missing"] == nil)
    }

    /// Empty pairs are dropped, a pair splits on its first `=` only, and the order is kept.
    @Test func pairsSplitOnTheFirstEqualsSign() {
        let query = QueryParameters("&&a=1=2&=v&b=&c&\u{E9}=%C3%A9&")
        #expect(query.items.map(\.name) == ["a", "", "b", "c", "\u{E9}"])
        #expect(query.items.map(\.value) == ["1=2", "v", "", "", "\u{E9}"])
        #expect(QueryParameters("").items.isEmpty)
        #expect(QueryParameters("&").items.isEmpty)
    }
}
