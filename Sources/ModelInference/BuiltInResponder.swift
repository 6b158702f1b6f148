import ARMCore
import JSON

/// The default backend of a deployment: no network and no weights. It answers deterministically (the
/// same model, conversation and parameters give the same answer; `seed` and the choice index vary it),
/// says that it is the emulator, and honours the request's shape: `n`, `stop`, the token budget,
/// `response_format` and tools (see `BuiltInResponder+Tools.swift` for when it calls a function).
package struct BuiltInResponder: Sendable {
    package init() {}

    package func chat(_ request: ChatCompletionRequest, model: String) -> ChatResult {
        let base = Self.baseHash(model: model, messages: request.messages, seed: request.seed, format: request.responseFormat)
        var choices: [ChatChoice] = []
        var completion = 0
        for index in 0..<request.n {
            var turn = Turn(
                messages: request.messages, tools: request.tools, toolChoice: request.toolChoice, format: request.responseFormat)
            turn.limit = request.completionTokenLimit
            turn.stop = request.stop
            turn.parallelToolCalls = request.parallelToolCalls ?? true
            let (choice, tokens) = countedAnswer(turn, index: index, hash: base)
            choices.append(choice)
            completion += tokens ?? Self.completionTokens(of: choice)
        }
        let usage = TokenUsage(promptTokens: Tokenizer.promptTokens(for: request), completionTokens: completion)
        return ChatResult(choices: choices, usage: usage)
    }

    /// The inputs of one answer, common to chat and Responses.
    struct Turn {
        var messages: [ChatMessage]
        var tools: [FunctionTool]
        var toolChoice: ToolChoice?
        var format: ResponseFormat
        var limit: Int?
        var stop: [String] = []
        var parallelToolCalls = true
    }

    /// One choice: a tool call when the rule says so, otherwise text shaped by the format, then cut by
    /// `stop` and the token budget.
    func answer(_ turn: Turn, index: Int, hash base: StableHash) -> ChatChoice {
        countedAnswer(turn, index: index, hash: base).choice
    }

    /// `answer`, with its completion tokens when they were counted on the way (the token budget
    /// counts the text; counting it again showed in a profile of chat completions).
    func countedAnswer(_ turn: Turn, index: Int, hash base: StableHash) -> (choice: ChatChoice, tokens: Int?) {
        var hash = base
        hash.combine(index)
        if let calls = toolCalls(for: turn, hash: hash) {
            return (ChatChoice(index: index, content: nil, toolCalls: calls, finishReason: "tool_calls"), nil)
        }
        let text = formatted(Self.answerText(for: turn.messages, variant: base.value, index: index), turn: turn, hash: hash)
        let finished = Self.countedFinish(text, stop: turn.stop, limit: turn.limit)
        return (ChatChoice(index: index, content: finished.text, finishReason: finished.reason), finished.tokens)
    }

    /// Cuts at the first stop sequence ("stop"), then to the token budget ("length").
    static func finish(_ text: String, stop: [String], limit: Int?) -> (String, String) {
        let finished = countedFinish(text, stop: stop, limit: limit)
        return (finished.text, finished.reason)
    }

    /// `finish`, and the text's token count when the budget check counted it.
    static func countedFinish(_ text: String, stop: [String], limit: Int?) -> (text: String, reason: String, tokens: Int?) {
        var text = text
        var cutAt = text.endIndex
        for sequence in stop where !sequence.isEmpty {
            if let range = text.range(of: sequence), range.lowerBound < cutAt { cutAt = range.lowerBound }
        }
        text = String(text[..<cutAt])
        guard let limit else { return (text, "stop", nil) }
        let cut = Tokenizer.truncateCounting(text, toTokens: limit)
        return (cut.text, cut.truncated ? "length" : "stop", cut.tokens)
    }

    private func formatted(_ text: String, turn: Turn, hash: StableHash) -> String {
        switch turn.format {
        case .text:
            return text
        case .jsonObject:
            let object: JSONValue = ["answer": .string(text), "source": "foundry-emulator"]
            return object.compactString
        case .jsonSchema(_, let schema, _):
            var generator = SchemaInstanceGenerator(root: schema, text: Self.summary(of: text, words: 12), seed: hash.value)
            return generator.instance().compactString
        }
    }

    static func completionTokens(of choice: ChatChoice) -> Int {
        let calls = choice.toolCalls.reduce(0) { $0 + Tokenizer.count($1.name) + Tokenizer.count($1.arguments) }
        return Tokenizer.count(choice.content ?? "") + calls
    }

    /// The request's identity for the built-in model: model, conversation, seed and output format.
    static func baseHash(model: String, messages: [ChatMessage], seed: Int?, format: ResponseFormat) -> StableHash {
        var hash = StableHash(model)
        for message in messages {
            hash.combine(message.role.rawValue)
            hash.combine(message.text)
            for call in message.toolCalls { hash.combine(call.name + call.arguments) }
            hash.combine(message.toolCallID ?? "")
        }
        hash.combine(seed ?? 0)
        hash.combine(seed == nil ? "" : "seeded")
        if case .jsonSchema(let name, let schema, _) = format { hash.combine(name + schema.compactString) }
        return hash
    }
}
