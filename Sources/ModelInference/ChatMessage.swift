/// One message of a chat conversation, validated.
package struct ChatMessage: Sendable, Equatable {
    package var role: ChatRole
    /// The message's parts; a string `content` is one text part.
    package var parts: [ChatContentPart]
    package var name: String?
    /// Assistant messages: the calls the model made.
    package var toolCalls: [ToolCall]
    /// Tool messages: the call this message answers.
    package var toolCallID: String?

    package init(
        role: ChatRole, parts: [ChatContentPart] = [], name: String? = nil, toolCalls: [ToolCall] = [], toolCallID: String? = nil
    ) {
        self.role = role
        self.parts = parts
        self.name = name
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
    }

    package init(role: ChatRole, text: String) {
        self.init(role: role, parts: [.text(text)])
    }

    /// The text parts joined, what the built-in model reads.
    package var text: String {
        // One part (a string `content`) is its text as is: the joined copy showed in a profile of chat completions.
        if parts.count == 1 { return parts[0].text ?? "" }
        return parts.compactMap(\.text).joined(separator: "\n")
    }
}
