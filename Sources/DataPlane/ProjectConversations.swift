import ARMCore
import Foundation
import JSON

/// A project's conversations and their items in the store (`ProjectObjects`), the Conversations
/// API of OpenAI as Foundry serves it (openai `conversations`, `conversations.items`). Items are
/// stored under sequence numbers so that they list in the order they were added; each keeps its
/// own `id` (`msg_…`, `fc_…`) in its body.
struct ProjectConversations {
    let store: ResourceStore
    let project: ResourceID
    let now: Date

    /// `POST /conversations` with `metadata` and up to 20 initial `items`.
    func create(_ body: JSONValue) throws -> JSONValue {
        let metadata = try AgentDefinition.metadata(body["metadata"])
        let items = try Self.newItems(body["items"], param: "items")
        if store.children(of: project, type: ProjectObjects.conversationType).count >= ProjectLimits.conversations {
            throw DataPlaneError.limitExceeded("conversations", limit: ProjectLimits.conversations)
        }
        let id = "conv_" + DataPlaneIDs.random() + DataPlaneIDs.random().prefix(16)
        let conversation: JSONObject = [
            "id": .string(id), "object": "conversation", "created_at": .int(Int64(now.timeIntervalSince1970)),
            "metadata": .object(metadata),
        ]
        try store.put(ProjectObjects.conversation(project, id), body: conversation, privateState: ["nextItem": 1], bodyETag: false)
        _ = try append(id, items)
        return .object(conversation)
    }

    func record(_ id: String) throws -> StoredResource {
        guard let stored = store.get(ProjectObjects.conversation(project, id)) else {
            throw DataPlaneError.agentObjectNotFound("Conversation", id)
        }
        return stored
    }

    func get(_ id: String) throws -> JSONValue { .object(try record(id).body) }

    /// `POST /conversations/{id}` replaces `metadata`.
    func update(_ id: String, _ body: JSONValue) throws -> JSONValue {
        let metadata = try AgentDefinition.metadata(body["metadata"])
        let stored = try record(id)
        let updated = try store.update(stored.id) { $0["metadata"] = .object(metadata) }
        return .object(updated.body)
    }

    func delete(_ id: String) throws -> JSONValue {
        let stored = try record(id)
        store.removeAll(under: stored.id)
        return ["id": .string(stored.id.name), "object": "conversation.deleted", "deleted": true]
    }

    /// Items oldest first.
    func items(_ id: String) throws -> [JSONValue] {
        let stored = try record(id)
        return store.children(of: stored.id, type: ProjectObjects.itemType).map { .object($0.body) }
    }

    func item(_ id: String, _ itemID: String) throws -> StoredResource {
        let stored = try record(id)
        guard let item = store.children(of: stored.id, type: ProjectObjects.itemType).first(where: { $0.body["id"]?.stringValue == itemID })
        else { throw DataPlaneError.agentObjectNotFound("Item", itemID) }
        return item
    }

    /// `DELETE /conversations/{id}/items/{item}` answers the conversation (OpenAI API reference).
    func deleteItem(_ id: String, _ itemID: String) throws -> JSONValue {
        try store.delete(try item(id, itemID).id)
        return try get(id)
    }

    /// Whether `count` more items fit.
    func checkRoom(_ id: String, adding count: Int) throws {
        let stored = try record(id)
        if store.children(of: stored.id, type: ProjectObjects.itemType).count + count > ProjectLimits.itemsPerConversation {
            throw DataPlaneError.limitExceeded("items in one conversation", limit: ProjectLimits.itemsPerConversation)
        }
    }

    /// Appends items (already normalised, with ids) in order; answers them.
    @discardableResult
    func append(_ id: String, _ items: [JSONValue]) throws -> [JSONValue] {
        guard !items.isEmpty else { return [] }
        try checkRoom(id, adding: items.count)
        let stored = try record(id)
        var first = 0
        try store.updateResource(stored.id) { resource in
            first = resource.privateState["nextItem"]?.intValue ?? 1
            resource.privateState["nextItem"] = .int(Int64(first + items.count))
        }
        for (offset, item) in items.enumerated() {
            let sequence = String(first + offset)
            let name = String(repeating: "0", count: max(0, 10 - sequence.count)) + sequence
            try store.put(stored.id.child(type: "items", name: name), body: item.objectValue ?? [:], bodyETag: false)
        }
        return items
    }

    /// Items a client adds (`items` of create, of `items.create`), at most 20 a call, each
    /// normalised: an id, `status`, and string message content as an `input_text` part
    /// (`output_text` for the assistant), as Foundry answers them.
    static func newItems(_ value: JSONValue?, param: String, limit: Int = ProjectLimits.itemsPerCall) throws -> [JSONValue] {
        guard let value, !value.isNull else { return [] }
        guard let items = value.arrayValue else {
            throw DataPlaneError.agentInvalid("Invalid '\(param)': expected an array.", param: param)
        }
        if items.count > limit {
            throw DataPlaneError.agentInvalid("Invalid '\(param)': at most \(limit) items at a time.", param: param)
        }
        return try items.enumerated().map { index, item in try normalized(item, param: "\(param)[\(index)]") }
    }

    static func normalized(_ item: JSONValue, param: String) throws -> JSONValue {
        guard var object = item.objectValue else {
            throw DataPlaneError.agentInvalid("Invalid '\(param)': expected an object.", param: param)
        }
        let type = object["type"]?.stringValue ?? "message"
        object["type"] = .string(type)
        switch type {
        case "message":
            guard let role = object["role"]?.stringValue, ["user", "assistant", "system", "developer"].contains(role) else {
                throw DataPlaneError.agentInvalid(
                    "Invalid '\(param).role': expected one of user, assistant, system, developer.", param: param + ".role")
            }
            if let text = object["content"]?.stringValue {
                object["content"] = [["type": .string(role == "assistant" ? "output_text" : "input_text"), "text": .string(text)]]
            } else if object["content"]?.arrayValue == nil {
                throw DataPlaneError.agentInvalid("Invalid '\(param).content': expected a string or an array.", param: param + ".content")
            }
            if object["id"] == nil { object["id"] = .string("msg_" + DataPlaneIDs.random() + DataPlaneIDs.random().prefix(16)) }
        case "function_call":
            for key in ["call_id", "name", "arguments"] where object[key]?.stringValue == nil {
                throw DataPlaneError.agentInvalid("Missing required parameter: '\(param).\(key)'.", param: "\(param).\(key)")
            }
            if object["id"] == nil { object["id"] = .string("fc_" + DataPlaneIDs.random() + DataPlaneIDs.random().prefix(16)) }
        case "function_call_output":
            guard object["call_id"]?.stringValue != nil, object["output"] != nil else {
                throw DataPlaneError.agentInvalid("Missing required parameter: '\(param).call_id' or '\(param).output'.", param: param)
            }
            if object["id"] == nil { object["id"] = .string("fco_" + DataPlaneIDs.random() + DataPlaneIDs.random().prefix(16)) }
        default:
            if object["id"] == nil { object["id"] = .string("item_" + DataPlaneIDs.random() + DataPlaneIDs.random().prefix(16)) }
        }
        if object["status"] == nil { object["status"] = "completed" }
        return .object(object)
    }
}
