import ARMCore

/// A validated `POST .../chat/completions` body (OpenAI API reference "Create chat completion";
/// azure-rest-api-specs `specification/cognitiveservices/data-plane/AzureOpenAI/inference/stable/2024-10-21/
/// inference.json` `createChatCompletionRequest`). Unknown members are ignored, as the service does.
package struct ChatCompletionRequest: Sendable, Equatable {
    package var model: String?
    package var messages: [ChatMessage]
    package var tools: [FunctionTool] = []
    package var toolChoice: ToolChoice?
    package var parallelToolCalls: Bool?
    package var responseFormat: ResponseFormat = .text
    package var n: Int = 1
    package var seed: Int?
    package var maxTokens: Int?
    package var maxCompletionTokens: Int?
    package var stop: [String] = []
    package var logprobs: Bool = false
    package var topLogprobs: Int?
    package var temperature: Double?
    package var topP: Double?
    package var stream: Bool = false
    package var includeUsage: Bool = false
    package var user: String?

    package init(messages: [ChatMessage]) {
        self.messages = messages
    }

    /// The completion budget: `max_completion_tokens` supersedes the deprecated `max_tokens`.
    package var completionTokenLimit: Int? { maxCompletionTokens ?? maxTokens }
}
