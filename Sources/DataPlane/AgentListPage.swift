import ARMCore
import JSON

/// The cursor pages of the Assistants-style lists: `{"object":"list","data":[…],"first_id",
/// "last_id","has_more"}`, newest first unless `order=asc`, `limit` 1 to 100 (default 20), `after` /
/// `before` an id of the list. azure-ai-agents pages on `last_id` alone and stops only on an empty
/// page, so `after` the last item answers an empty page with null ids (Azure's recorded answer).
/// An `after` or `before` that names no item of the list also answers an empty page
/// (EMULATOR CHOICE, docs/agents.md): the client stops instead of starting over.
enum AgentListPage {
    /// `items` in creation order (oldest first).
    static func page(_ items: [JSONValue], query: QueryParameters) throws -> JSONValue {
        let order = query["order"]?.lowercased() ?? "desc"
        guard order == "asc" || order == "desc" else { throw DataPlaneError.invalidParameter("order", "expected 'asc' or 'desc'.") }
        var limit = AgentLimits.defaultPageSize
        if let text = query["limit"] {
            guard let value = Int(text), (1...AgentLimits.maxPageSize).contains(value) else {
                throw DataPlaneError.invalidParameter("limit", "expected an integer from 1 to \(AgentLimits.maxPageSize).")
            }
            limit = value
        }
        var ordered = order == "asc" ? items : items.reversed()
        if let before = query["before"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let index = ordered.firstIndex(where: { $0["id"]?.stringValue == before }) else { return list([], hasMore: false) }
            ordered = Array(ordered[..<index].suffix(limit))
            return list(ordered, hasMore: false)
        }
        if let after = query["after"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let index = ordered.firstIndex(where: { $0["id"]?.stringValue == after }) else { return list([], hasMore: false) }
            ordered = Array(ordered[(index + 1)...])
        }
        return list(Array(ordered.prefix(limit)), hasMore: ordered.count > limit)
    }

    static func list(_ data: [JSONValue], hasMore: Bool) -> JSONValue {
        [
            "object": "list", "data": .array(data), "first_id": data.first?["id"] ?? .null, "last_id": data.last?["id"] ?? .null,
            "has_more": .bool(hasMore),
        ]
    }
}
