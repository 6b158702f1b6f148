import ARMCore
import JSON

/// A thread message (`ThreadMessage`), as Azure records it: `content` is always an array of parts,
/// a text part being `{"type":"text","text":{"value":"…","annotations":[]}}` (so the SDK's
/// `text_messages` finds it). A user's message has no `status`; the assistant's reply has
/// `status`, `completed_at`, `incomplete_at` and `incomplete_details`.
enum ThreadMessageObject {
    /// A message a client adds (`messages.create`, or the `messages` of a new thread).
    static func create(_ body: JSONValue, id: String, thread: String, createdAt: Int) throws -> JSONObject {
        let (role, content) = try self.content(body)
        var object: JSONObject = [
            "id": .string(id), "object": "thread.message", "created_at": .int(Int64(createdAt)), "assistant_id": .null,
            "thread_id": .string(thread), "run_id": .null, "role": .string(role), "content": .array(content), "attachments": [],
            "metadata": [:],
        ]
        if let attachments = body["attachments"], !attachments.isNull {
            guard attachments.arrayValue != nil else { throw DataPlaneError.invalidParameter("attachments", "expected an array.") }
            object["attachments"] = attachments
        }
        if let metadata = try AgentFields.metadata(body) { object["metadata"] = metadata }
        return object
    }

    /// The reply a run writes, empty and `in_progress` until the model's text is in.
    static func reply(id: String, thread: String, run: String, assistant: String, createdAt: Int) -> JSONObject {
        [
            "id": .string(id), "object": "thread.message", "created_at": .int(Int64(createdAt)), "assistant_id": .string(assistant),
            "thread_id": .string(thread), "run_id": .string(run), "status": "in_progress", "incomplete_details": .null,
            "completed_at": .null, "incomplete_at": .null, "role": "assistant", "content": [], "attachments": [], "metadata": [:],
        ]
    }

    /// `role` (user or assistant) and `content` as parts: a string is one text part; parts given
    /// as `{"type":"text","text":"…"}` (the SDK's `MessageInputTextBlock`) become text parts; image
    /// parts are kept as sent.
    static func content(_ body: JSONValue) throws -> (String, [JSONValue]) {
        guard body.objectValue != nil else { throw DataPlaneError.invalidParameter("messages", "each message must be an object.") }
        let role = try AgentFields.requiredString(body, "role")
        guard role == "user" || role == "assistant" else {
            throw DataPlaneError.invalidParameter("role", "expected 'user' or 'assistant', got '\(role)'.")
        }
        guard let content = body["content"], !content.isNull else { throw DataPlaneError.missingParameter("content") }
        if let text = content.stringValue { return (role, [try textPart(text)]) }
        guard let parts = content.arrayValue, !parts.isEmpty else {
            throw DataPlaneError.invalidParameter("content", "expected a string or a non-empty array of content parts.")
        }
        return (
            role,
            try parts.map { part in
                switch part["type"]?.stringValue {
                case "text":
                    guard let text = part["text"]?.stringValue ?? part["text"]?["value"]?.stringValue else {
                        throw DataPlaneError.missingParameter("content.text")
                    }
                    return try textPart(text)
                case "image_file", "image_url":
                    return part
                default:
                    throw DataPlaneError.invalidParameter("content", "content parts must be of type text, image_file or image_url.")
                }
            }
        )
    }

    static func textPart(_ text: String) throws -> JSONValue {
        guard text.count <= AgentLimits.messageCharacters else {
            throw DataPlaneError.invalidParameter(
                "content", "string too long. Expected a string with maximum length \(AgentLimits.messageCharacters).")
        }
        return ["type": "text", "text": ["value": .string(text), "annotations": []]]
    }

    /// The text of a message's parts, joined: what the model reads.
    static func text(of message: JSONObject) -> String {
        (message["content"]?.arrayValue ?? []).compactMap { $0["text"]?["value"]?.stringValue }.joined(separator: "\n")
    }

    /// `messages.update` changes only `metadata` (OpenAI Assistants API reference).
    static func update(_ object: inout JSONObject, with body: JSONValue) throws {
        if let metadata = try AgentFields.metadata(body) { object["metadata"] = metadata }
    }

    /// One `thread.message.delta` chunk (Azure's recorded stream).
    static func delta(id: String, text: String) -> JSONValue {
        [
            "id": .string(id), "object": "thread.message.delta",
            "delta": ["content": [["index": 0, "type": "text", "text": ["value": .string(text), "annotations": []]]]],
        ]
    }
}
