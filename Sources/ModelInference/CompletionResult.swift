/// What a deployment answers to a legacy completion request: `n` choices per prompt, in prompt order.
package struct CompletionResult: Sendable, Equatable {
    package var choices: [CompletionChoice]
    package var usage: TokenUsage

    package init(choices: [CompletionChoice], usage: TokenUsage) {
        self.choices = choices
        self.usage = usage
    }
}
