/// The Responses API on the chat core: instructions become a system message, and the previous
/// responses' items (`history`, resolved by the caller from `previous_response_id`) precede `input`.
extension BuiltInResponder {
    package func respond(_ request: ResponsesRequest, history: [ResponseItem], model: String) -> ResponsesResult {
        let messages = Self.conversation(for: request, history: history)
        var turn = Turn(messages: messages, tools: request.tools, toolChoice: request.toolChoice, format: request.format)
        turn.limit = request.maxOutputTokens
        turn.parallelToolCalls = request.parallelToolCalls
        let choice = answer(turn, index: 0, hash: Self.baseHash(model: model, messages: messages, seed: nil, format: request.format))
        let usage = TokenUsage(
            promptTokens: Tokenizer.promptTokens(messages: messages, tools: request.tools),
            completionTokens: Self.completionTokens(of: choice))
        if !choice.toolCalls.isEmpty { return ResponsesResult(output: choice.toolCalls.map(ResponseItem.functionCall), usage: usage) }
        let output = [ResponseItem.message(role: "assistant", text: choice.content ?? "")]
        if choice.finishReason == "length" {
            return ResponsesResult(output: output, status: "incomplete", incompleteReason: "max_output_tokens", usage: usage)
        }
        return ResponsesResult(output: output, usage: usage)
    }

    /// The chat conversation equivalent to a Responses request and its history.
    package static func conversation(for request: ResponsesRequest, history: [ResponseItem]) -> [ChatMessage] {
        var messages: [ChatMessage] = []
        if let instructions = request.instructions { messages.append(ChatMessage(role: .system, text: instructions)) }
        for item in history + request.input {
            switch item {
            case .message(let role, let text):
                messages.append(ChatMessage(role: ChatRole(rawValue: role) ?? .user, text: text))
            case .functionCall(let call):
                if let last = messages.last, last.role == .assistant, last.parts.isEmpty {
                    messages[messages.count - 1].toolCalls.append(call)
                } else {
                    messages.append(ChatMessage(role: .assistant, toolCalls: [call]))
                }
            case .functionCallOutput(let callID, let output):
                messages.append(ChatMessage(role: .tool, parts: [.text(output)], toolCallID: callID))
            }
        }
        return messages
    }
}
