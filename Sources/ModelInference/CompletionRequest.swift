import ARMCore
import JSON

/// A validated legacy `POST .../completions` body (OpenAI API reference "Create completion";
/// azure-rest-api-specs `.../AzureOpenAI/inference/stable/2024-10-21/inference.json` `createCompletionRequest`).
package struct CompletionRequest: Sendable, Equatable {
    package var model: String?
    /// One entry per prompt; each gets `n` choices. An absent prompt is `<|endoftext|>`, i.e. empty text.
    package var prompts: [PromptInput]
    package var maxTokens: Int?
    package var n: Int = 1
    package var stop: [String] = []
    package var echo: Bool = false
    package var stream: Bool = false
    package var includeUsage: Bool = false
    /// The number of most likely tokens to report per position (0...5), nil for none.
    package var logprobs: Int?
    package var seed: Int?
    package var temperature: Double?
    package var topP: Double?
    package var suffix: String?
    package var user: String?

    package init(prompts: [PromptInput]) {
        self.prompts = prompts
    }

    package init(json: JSONValue) throws(InferenceError) {
        let body = try BodyReader(body: json)
        self.init(prompts: try body.promptInputs("prompt", allowEmpty: true) ?? [.text("")])
        model = try body.string("model")
        maxTokens = try body.integer("max_tokens", minimum: 0)
        n = try body.integer("n", minimum: 1, maximum: 128) ?? 1
        stop = try body.stopSequences("stop")
        echo = try body.bool("echo") ?? false
        stream = try body.bool("stream") ?? false
        includeUsage = try body.object("stream_options")?.bool("include_usage") ?? false
        logprobs = try body.integer("logprobs", minimum: 0, maximum: 5)
        seed = try body.integer("seed")
        temperature = try body.decimal("temperature", minimum: 0, maximum: 2)
        topP = try body.decimal("top_p", minimum: 0, maximum: 1)
        suffix = try body.string("suffix")
        user = try body.string("user")
    }
}
