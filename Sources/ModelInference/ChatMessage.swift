/// One message of a chat conversation, validated.
public struct ChatMessage: Sendable, Equatable {
    public var role: ChatRole
    /// The message's parts; a string `content` is one text part.
    public var parts: [ChatContentPart]
    public var name: String?
    /// Assistant messages: the calls the model made.
    public var toolCalls: [ToolCall]
    /// Tool messages: the call this message answers.
    public var toolCallID: String?

    public init(
        role: ChatRole, parts: [ChatContentPart] = [], name: String? = nil, toolCalls: [ToolCall] = [], toolCallID: String? = nil
    ) {
        self.role = role
        self.parts = parts
        self.name = name
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
    }

    public init(role: ChatRole, text: String) {
        self.init(role: role, parts: [.text(text)])
    }

    /// The text parts joined, what the built-in model reads.
    public var text: String { parts.compactMap(\.text).joined(separator: "\n") }
}
