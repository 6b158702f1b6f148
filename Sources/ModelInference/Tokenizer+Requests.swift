import ARMCore
import JSON

/// Prompt sizes of whole requests, and the charge a request makes against a deployment's tokens-per-minute.
extension Tokenizer {
    /// Per-message framing, as OpenAI's cookbook counts it for gpt-3.5/gpt-4 and later ("How to count
    /// tokens with tiktoken": 3 tokens per message, 1 more for a `name`, 3 to prime the reply).
    static let tokensPerMessage = 3
    static let tokensPerName = 1
    static let replyPriming = 3
    /// An image part is charged as a low-detail image (OpenAI "Vision" guide, "Calculating costs": 85 tokens).
    static let tokensPerImage = 85
    /// What a request without `max_tokens` is charged for its completion, per choice: 16, the default
    /// the legacy completions API documents for `max_tokens` and what microsoft/aoai-api-simulator charges
    /// (`limiters.py`). A deliberately small charge, so unbounded requests are not throttled early.
    package static let defaultCompletionCharge = 16

    package static func promptTokens(messages: [ChatMessage], tools: [FunctionTool] = []) -> Int {
        var total = replyPriming
        for message in messages { total += tokens(of: message) }
        for tool in tools { total += tokens(of: tool) }
        return total
    }

    package static func promptTokens(for request: ChatCompletionRequest) -> Int {
        promptTokens(messages: request.messages, tools: request.tools)
    }

    package static func promptTokens(for input: PromptInput) -> Int {
        switch input {
        case .text(let text): count(text)
        case .tokens(let tokens): tokens.count
        }
    }

    static func tokens(of message: ChatMessage) -> Int {
        var total = tokensPerMessage + count(message.role.rawValue)
        if let name = message.name { total += tokensPerName + count(name) }
        for part in message.parts {
            switch part {
            case .text(let text): total += count(text)
            case .imageURL: total += tokensPerImage
            case .other: total += tokensPerImage
            }
        }
        for call in message.toolCalls { total += count(call.name) + count(call.arguments) + tokensPerMessage }
        if let callID = message.toolCallID { total += count(callID) }
        return total
    }

    /// A function definition costs about what its JSON does.
    static func tokens(of tool: FunctionTool) -> Int {
        var definition: JSONObject = ["name": .string(tool.name)]
        if let description = tool.description { definition["description"] = .string(description) }
        if let parameters = tool.parameters { definition["parameters"] = parameters }
        return count(JSONValue.object(definition).compactString)
    }
}
