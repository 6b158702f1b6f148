/// What a deployment answers to a chat completion request, before it is shaped for the wire.
package struct ChatResult: Sendable, Equatable {
    package var choices: [ChatChoice]
    package var usage: TokenUsage

    package init(choices: [ChatChoice], usage: TokenUsage) {
        self.choices = choices
        self.usage = usage
    }
}
