import ARMCore
import JSON

/// The OpenAI-style list of the agent service (`agents.list`, `list_versions`, conversation items,
/// response input items): `{"object":"list","data":[...],"first_id","last_id","has_more"}` with
/// `limit` (1 to 100, default 20), `order` (`asc`/`desc`) and the cursors `after`/`before` (an id
/// of the list). azure-ai-projects pages on `last_id` alone and always asks once more with
/// `after=<last_id>`; that page must be empty or the client loops forever, so an `after` at the end,
/// or naming no item of the list, answers an empty page with null ids (EMULATOR CHOICE for the
/// unknown cursor, docs/agents.md).
struct CursorPage {
    var limit: Int
    var descending: Bool
    var after: String?
    var before: String?

    init(query: QueryParameters, defaultOrder: String = "desc") throws {
        if let text = query["limit"] {
            guard let value = Int(text), (1...100).contains(value) else {
                throw DataPlaneError.agentInvalid("Invalid 'limit': expected an integer from 1 to 100, got '\(text)'.", param: "limit")
            }
            limit = value
        } else {
            limit = 20
        }
        let order = (query["order"] ?? defaultOrder).lowercased()
        guard order == "asc" || order == "desc" else {
            throw DataPlaneError.agentInvalid("Invalid 'order': expected 'asc' or 'desc', got '\(order)'.", param: "order")
        }
        descending = order == "desc"
        after = query["after"].flatMap { $0.isEmpty ? nil : $0 }
        before = query["before"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// One page of `ascending` (oldest first); `id` names an element as the cursors do.
    func page(_ ascending: [JSONValue], id: (JSONValue) -> String = { $0["id"]?.stringValue ?? "" }) -> JSONValue {
        let ordered = descending ? Array(ascending.reversed()) : ascending
        let ids = ordered.map(id)
        var lower = 0
        var upper = ordered.count
        if let after {
            guard let index = ids.firstIndex(of: after) else { return Self.empty }
            lower = index + 1
        }
        if let before {
            guard let index = ids.firstIndex(of: before) else { return Self.empty }
            upper = min(upper, index)
        }
        guard lower < upper else { return Self.empty }
        // `before` walks backwards: the page is the items just before the cursor.
        let start = before != nil && after == nil ? max(lower, upper - limit) : lower
        let end = min(upper, start + limit)
        let slice = Array(ordered[start..<end])
        let hasMore = before != nil && after == nil ? start > lower : end < upper
        return [
            "object": "list", "data": .array(slice), "first_id": .string(ids[start]), "last_id": .string(ids[end - 1]),
            "has_more": .bool(hasMore),
        ]
    }

    static let empty: JSONValue = ["object": "list", "data": [], "first_id": nil, "last_id": nil, "has_more": false]

    /// A whole list in one page (the answer of `conversations.items.create`).
    static func list(_ items: [JSONValue]) -> JSONValue {
        [
            "object": "list", "data": .array(items), "first_id": items.first?["id"] ?? .null, "last_id": items.last?["id"] ?? .null,
            "has_more": false,
        ]
    }
}
