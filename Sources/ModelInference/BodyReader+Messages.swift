import ARMCore

/// Chat `messages[]`: roles, string or array content, assistant `tool_calls`, tool `tool_call_id`.
extension BodyReader {
    func chatMessages() throws(InferenceError) -> [ChatMessage] {
        var messages: [ChatMessage] = []
        for reader in try objects("messages") ?? [] { messages.append(try reader.chatMessage()) }
        return messages
    }

    func chatMessage() throws(InferenceError) -> ChatMessage {
        guard let roleName = try string("role") else { throw .missing(name("role")) }
        guard let role = ChatRole(rawValue: roleName) else {
            throw .invalidValue(name("role"), roleName, supported: ChatRole.supportedNames)
        }
        var message = ChatMessage(role: role, name: try string("name"))
        message.parts = try contentParts(required: role != .assistant)
        if role == .assistant { message.toolCalls = try assistantToolCalls() }
        if role == .tool {
            guard let callID = try string("tool_call_id") else { throw .missing(name("tool_call_id")) }
            message.toolCallID = callID
        }
        return message
    }

    /// `content`: a string, or an array of typed parts. Assistant messages may omit it (tool calls).
    func contentParts(required: Bool) throws(InferenceError) -> [ChatContentPart] {
        guard let value = value("content") else {
            if required { throw .missing(name("content")) }
            return []
        }
        if let text = value.stringValue { return [.text(text)] }
        guard value.arrayValue != nil else {
            throw .invalidType(name("content"), expected: "one of a string or array of objects", got: value)
        }
        var parts: [ChatContentPart] = []
        for reader in try objects("content") ?? [] { parts.append(try reader.contentPart()) }
        return parts
    }

    func contentPart() throws(InferenceError) -> ChatContentPart {
        guard let type = try string("type") else { throw .missing(name("type")) }
        switch type {
        case "text":
            return .text(try requiredString("text"))
        case "image_url":
            guard let image = try object("image_url") else { throw .missing(name("image_url")) }
            return .imageURL(try image.requiredString("url"))
        case "refusal":
            return .text(try requiredString("refusal"))
        default:
            guard ChatContentPart.supportedTypes.contains(type) else {
                throw .invalidValue(name("type"), type, supported: ChatContentPart.supportedTypes)
            }
            return .other(type: type)
        }
    }

    func assistantToolCalls() throws(InferenceError) -> [ToolCall] {
        var calls: [ToolCall] = []
        for reader in try objects("tool_calls") ?? [] {
            let id = try reader.requiredString("id")
            if let type = try reader.string("type"), type != "function" {
                throw .invalidValue(reader.name("type"), type, supported: ["function"])
            }
            guard let function = try reader.object("function") else { throw .missing(reader.name("function")) }
            calls.append(
                ToolCall(id: id, name: try function.requiredString("name"), arguments: try function.string("arguments") ?? "{}"))
        }
        return calls
    }
}
