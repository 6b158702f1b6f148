/// What a deployment answers to a chat completion request, before it is shaped for the wire.
public struct ChatResult: Sendable, Equatable {
    public var choices: [ChatChoice]
    public var usage: TokenUsage

    public init(choices: [ChatChoice], usage: TokenUsage) {
        self.choices = choices
        self.usage = usage
    }
}
