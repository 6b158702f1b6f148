/// The "estimated max processed-token count" Azure charges a request against a deployment's TPM when it
/// arrives: prompt tokens plus `max_tokens` (learn.microsoft.com azure/ai-foundry/openai/how-to/quota,
/// "Understanding rate limits"). With `n` choices each may use `max_tokens`, so the completion budget is
/// charged per choice. Without `max_tokens`, `defaultCompletionCharge` per choice.
extension Tokenizer {
    package static func estimatedRateLimitTokens(for request: ChatCompletionRequest) -> Int {
        promptTokens(for: request) + request.n * (request.completionTokenLimit ?? defaultCompletionCharge)
    }

    package static func estimatedRateLimitTokens(for request: CompletionRequest) -> Int {
        let prompts = request.prompts.reduce(0) { $0 + promptTokens(for: $1) }
        let budget = request.maxTokens ?? defaultCompletionCharge
        return prompts + request.prompts.count * request.n * budget
    }

    /// Embeddings produce no completion: the inputs alone.
    package static func estimatedRateLimitTokens(for request: EmbeddingsRequest) -> Int {
        request.inputs.reduce(0) { $0 + promptTokens(for: $1) }
    }

    /// The Responses API: instructions and input (without the `previous_response_id` chain, which the
    /// caller resolves later) plus `max_output_tokens`.
    package static func estimatedRateLimitTokens(for request: ResponsesRequest) -> Int {
        let messages = BuiltInResponder.conversation(for: request, history: [])
        return promptTokens(messages: messages, tools: request.tools) + (request.maxOutputTokens ?? defaultCompletionCharge)
    }
}
