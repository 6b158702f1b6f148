import Foundation

/// Legacy completions: the built-in model continues each prompt with a sentence saying it is the
/// emulator. `max_tokens` defaults to 16 here, as the completions API documents, so an unbounded
/// request ends with `finish_reason` "length" like the real service's would.
extension BuiltInResponder {
    package static let legacyDefaultMaxTokens = 16

    package func completion(_ request: CompletionRequest, model: String) -> CompletionResult {
        var choices: [CompletionChoice] = []
        var completionTokens = 0
        for (promptIndex, prompt) in request.prompts.enumerated() {
            var hash = StableHash(model)
            hash.combine(prompt.text)
            hash.combine(request.seed ?? 0)
            for offset in 0..<request.n {
                let index = promptIndex * request.n + offset
                let continuation = Self.continuation(of: prompt.text, variant: hash.value, index: offset)
                let limit = request.maxTokens ?? Self.legacyDefaultMaxTokens
                let (text, finishReason) = Self.finish(continuation, stop: request.stop, limit: limit)
                completionTokens += Tokenizer.count(text)
                choices.append(CompletionChoice(index: index, text: request.echo ? prompt.text + text : text, finishReason: finishReason))
            }
        }
        let promptTokens = request.prompts.reduce(0) { $0 + Tokenizer.promptTokens(for: $1) }
        return CompletionResult(choices: choices, usage: TokenUsage(promptTokens: promptTokens, completionTokens: completionTokens))
    }

    static func continuation(of prompt: String, variant: UInt64, index: Int) -> String {
        let closing = closings[Int((variant % UInt64(closings.count) + UInt64(index)) % UInt64(closings.count))]
        let text = " (continued by the Foundry emulator's built-in model) " + closing.replacingOccurrences(of: "%@", with: "1")
        return index >= closings.count ? text + " (\(index + 1))" : text
    }
}
