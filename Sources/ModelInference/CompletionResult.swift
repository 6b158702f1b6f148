/// What a deployment answers to a legacy completion request: `n` choices per prompt, in prompt order.
public struct CompletionResult: Sendable, Equatable {
    public var choices: [CompletionChoice]
    public var usage: TokenUsage

    public init(choices: [CompletionChoice], usage: TokenUsage) {
        self.choices = choices
        self.usage = usage
    }
}
