import ARMCore
import JSON
import Testing

@testable import DataPlane

/// The cursor pages of the Assistants-style lists (docs/agents.md "Routes").
@Suite struct AgentListPageTests {
    let items: [JSONValue] = (1...5).map { ["id": .string("msg_\($0)")] }

    func ids(_ page: JSONValue) -> [String] { (page["data"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue } }

    @Test func givenNoQuery_whenPaged_thenNewestFirstTwentyAtMost() throws {
        let page = try AgentListPage.page(items, query: QueryParameters(""))
        #expect(ids(page) == ["msg_5", "msg_4", "msg_3", "msg_2", "msg_1"])
        #expect(page["object"] == "list" && page["has_more"] == false)
        #expect(page["first_id"] == "msg_5" && page["last_id"] == "msg_1")
    }

    @Test func givenALimitAndAfter_whenPaged_thenTheNextItemsInTheOrderAndHasMore() throws {
        let first = try AgentListPage.page(items, query: QueryParameters("order=asc&limit=2"))
        #expect(ids(first) == ["msg_1", "msg_2"] && first["has_more"] == true)
        let second = try AgentListPage.page(items, query: QueryParameters("order=asc&limit=2&after=msg_2"))
        #expect(ids(second) == ["msg_3", "msg_4"] && second["has_more"] == true)
        let last = try AgentListPage.page(items, query: QueryParameters("order=asc&limit=2&after=msg_4"))
        #expect(ids(last) == ["msg_5"] && last["has_more"] == false)
        let before = try AgentListPage.page(items, query: QueryParameters("order=desc&before=msg_2&limit=2"))
        #expect(ids(before) == ["msg_4", "msg_3"])
    }

    @Test func givenAfterTheLastItemOrAnUnknownCursor_whenPaged_thenAnEmptyPageWithNullIds() throws {
        for query in ["order=asc&after=msg_5", "after=msg_1", "after=msg_gone", "before=msg_gone"] {
            let page = try AgentListPage.page(items, query: QueryParameters(query))
            #expect(page == ["object": "list", "data": [], "first_id": .null, "last_id": .null, "has_more": false], "\(query)")
        }
    }

    @Test func givenABadLimitOrOrder_whenPaged_then400NamingIt() {
        for (query, param) in [("limit=0", "limit"), ("limit=101", "limit"), ("limit=x", "limit"), ("order=up", "order")] {
            do {
                _ = try AgentListPage.page(items, query: QueryParameters(query))
                Issue.record("expected a 400 for \(query)")
            } catch let error as DataPlaneError {
                #expect(error.status == 400 && error.body["error"]?["param"]?.stringValue == param)
            } catch { Issue.record("unexpected \(error)") }
        }
    }
}
