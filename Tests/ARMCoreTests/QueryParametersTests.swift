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
}
