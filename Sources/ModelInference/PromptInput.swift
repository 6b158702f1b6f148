/// One prompt or embeddings input: text, or a list of token ids (both APIs accept pre-tokenized input).
package enum PromptInput: Sendable, Equatable {
    case text(String)
    case tokens([Int])

    /// What the built-in model reads; token ids have no vocabulary here, so they read as empty text.
    package var text: String {
        if case .text(let text) = self { return text }
        return ""
    }
}
