import ARMCore
import JSON

/// A thread (`AgentThread`): `{"id":"thread_…","object":"thread","created_at","metadata":{},"tool_resources":{}}`
/// as Azure records it.
enum ThreadObject {
    static func create(_ body: JSONValue, id: String, createdAt: Int) throws -> JSONObject {
        var object: JSONObject = [
            "id": .string(id), "object": "thread", "created_at": .int(Int64(createdAt)), "metadata": [:], "tool_resources": [:],
        ]
        try update(&object, with: body)
        return object
    }

    static func update(_ object: inout JSONObject, with body: JSONValue) throws {
        if let metadata = try AgentFields.metadata(body) { object["metadata"] = metadata }
        if let resources = try AgentFields.object(body, "tool_resources") { object["tool_resources"] = resources.isNull ? [:] : resources }
    }

    /// The `messages` of a create-thread body, validated before anything is stored.
    static func initialMessages(_ body: JSONValue) throws -> [JSONValue] {
        guard let value = body["messages"], !value.isNull else { return [] }
        guard let messages = value.arrayValue else { throw DataPlaneError.invalidParameter("messages", "expected an array.") }
        for message in messages { _ = try ThreadMessageObject.content(message) }
        return messages
    }

    /// `{"id","object":"thread.deleted","deleted":true}`.
    static func deleted(_ id: String) -> JSONValue {
        ["id": .string(id), "object": "thread.deleted", "deleted": true]
    }
}
