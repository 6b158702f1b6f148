/// One answer of a chat completion: text, or function calls (`finish_reason` "tool_calls", content nil).
package struct ChatChoice: Sendable, Equatable {
    package var index: Int
    package var content: String?
    package var toolCalls: [ToolCall]
    /// "stop", "length", "tool_calls" or "content_filter".
    package var finishReason: String

    package init(index: Int, content: String?, toolCalls: [ToolCall] = [], finishReason: String) {
        self.index = index
        self.content = content
        self.toolCalls = toolCalls
        self.finishReason = finishReason
    }
}
