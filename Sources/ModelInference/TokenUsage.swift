/// Token counts of one request (chat/completions `usage`; Responses `usage.input_tokens`/`output_tokens`).
package struct TokenUsage: Sendable, Equatable {
    package var promptTokens: Int
    package var completionTokens: Int
    package var totalTokens: Int { promptTokens + completionTokens }

    package init(promptTokens: Int, completionTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}
