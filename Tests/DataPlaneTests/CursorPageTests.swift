import ARMCore
import JSON
import Testing

@testable import DataPlane

/// The agent service's OpenAI-style lists: limit, order, `after`/`before`, and the empty page that
/// ends azure-ai-projects' paging on `last_id`.
@Suite struct CursorPageTests {
    let items: [JSONValue] = (1...5).map { ["id": .string("a:\($0)")] }

    func page(_ query: String) throws -> JSONValue { try CursorPage(query: QueryParameters(query)).page(items) }

    func ids(_ page: JSONValue) -> [String] { page["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [] }

    @Test func givenNoQuery_whenPaged_thenNewestFirstTwentyAtMost() throws {
        let all = try page("")
        #expect(ids(all) == ["a:5", "a:4", "a:3", "a:2", "a:1"])
        #expect(all["first_id"] == "a:5" && all["last_id"] == "a:1" && all["has_more"] == false && all["object"] == "list")
    }

    @Test func givenLimitAndAfter_whenPaged_thenTheNextPageFollowsTheCursorAndHasMoreSaysSo() throws {
        let first = try page("limit=2")
        #expect(ids(first) == ["a:5", "a:4"] && first["has_more"] == true)
        let second = try page("limit=2&after=a:4")
        #expect(ids(second) == ["a:3", "a:2"] && second["has_more"] == true)
        let last = try page("limit=2&after=a:2")
        #expect(ids(last) == ["a:1"] && last["has_more"] == false)
    }

    @Test func givenAfterTheLastOrAnUnknownId_whenPaged_thenAnEmptyPageWithNullIds() throws {
        for query in ["after=a:1", "after=nobody", "before=nobody"] {
            let empty = try page(query)
            #expect(ids(empty).isEmpty && empty["last_id"] == .null && empty["first_id"] == .null && empty["has_more"] == false)
        }
    }

    @Test func givenAscendingOrderAndBefore_whenPaged_thenTheItemsJustBeforeTheCursor() throws {
        #expect(ids(try page("order=asc&limit=2")) == ["a:1", "a:2"])
        let before = try page("order=asc&limit=2&before=a:5")
        #expect(ids(before) == ["a:3", "a:4"] && before["has_more"] == true)
    }

    @Test func givenBadLimitOrOrder_whenParsed_then400NamingTheParameter() {
        for (query, param) in [("limit=0", "limit"), ("limit=101", "limit"), ("limit=x", "limit"), ("order=sideways", "order")] {
            #expect {
                _ = try CursorPage(query: QueryParameters(query))
            } throws: { error in
                (error as? DataPlaneError)?.status == 400 && (error as? DataPlaneError)?.body["error"]?["param"]?.stringValue == param
            }
        }
    }
}
