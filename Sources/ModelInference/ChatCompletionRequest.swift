import ARMCore

/// A validated `POST .../chat/completions` body (OpenAI API reference "Create chat completion";
/// azure-rest-api-specs `specification/cognitiveservices/data-plane/AzureOpenAI/inference/stable/2024-10-21/
/// inference.json` `createChatCompletionRequest`). Unknown members are ignored, as the service does.
public struct ChatCompletionRequest: Sendable, Equatable {
    public var model: String?
    public var messages: [ChatMessage]
    public var tools: [FunctionTool] = []
    public var toolChoice: ToolChoice?
    public var parallelToolCalls: Bool?
    public var responseFormat: ResponseFormat = .text
    public var n: Int = 1
    public var seed: Int?
    public var maxTokens: Int?
    public var maxCompletionTokens: Int?
    public var stop: [String] = []
    public var logprobs: Bool = false
    public var topLogprobs: Int?
    public var temperature: Double?
    public var topP: Double?
    public var stream: Bool = false
    public var includeUsage: Bool = false
    public var user: String?

    public init(messages: [ChatMessage]) {
        self.messages = messages
    }

    /// The completion budget: `max_completion_tokens` supersedes the deprecated `max_tokens`.
    public var completionTokenLimit: Int? { maxCompletionTokens ?? maxTokens }
}
