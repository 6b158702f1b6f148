/// One answer of a chat completion: text, or function calls (`finish_reason` "tool_calls", content nil).
public struct ChatChoice: Sendable, Equatable {
    public var index: Int
    public var content: String?
    public var toolCalls: [ToolCall]
    /// "stop", "length", "tool_calls" or "content_filter".
    public var finishReason: String

    public init(index: Int, content: String?, toolCalls: [ToolCall] = [], finishReason: String) {
        self.index = index
        self.content = content
        self.toolCalls = toolCalls
        self.finishReason = finishReason
    }
}
