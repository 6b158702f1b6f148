import ARMCore
import JSON

/// A streamed chat completion as Azure sends it: the prompt-filter chunk (`id` "", `created` 0, no
/// choices), then per choice the role chunk, content chunks of a few words, tool-call deltas (first the
/// call's index, id, type and name with empty arguments, then argument fragments, as OpenAI streams them),
/// the final chunk with `finish_reason`, and last the usage chunk when `stream_options.include_usage`.
/// (openai-python `openai/types/chat/chat_completion_chunk.py`; the Azure sequence is the one users report,
/// e.g. openai/openai-python#1677.) The caller frames each with `ServerSentEvents.data` and ends with `done`.
extension ChatCompletionWire {
    static let wordsPerChunk = 3
    static let argumentCharactersPerChunk = 16

    package func streamEvents(_ result: ChatResult, includeUsage: Bool) -> [JSONValue] {
        var events: [JSONValue] = [promptFilterChunk()]
        for choice in result.choices {
            if choice.toolCalls.isEmpty { events.append(chunk(index: choice.index, delta: ["role": "assistant", "content": ""])) }
            for piece in Self.contentPieces(choice.content ?? "") {
                events.append(chunk(index: choice.index, delta: ["content": .string(piece)], filter: ContentFilterResults.completion))
            }
            for (position, call) in choice.toolCalls.enumerated() {
                events += toolCallChunks(call, position: position, choice: choice.index)
            }
            events.append(chunk(index: choice.index, delta: [:], finishReason: choice.finishReason))
        }
        if includeUsage { events.append(usageChunk(result.usage)) }
        return events
    }

    func promptFilterChunk() -> JSONValue {
        [
            "choices": [], "created": 0, "id": "", "model": "", "object": "",
            "prompt_filter_results": ContentFilterResults.promptFilterResults(),
        ]
    }

    func chunk(index: Int, delta: JSONObject, finishReason: String? = nil, filter: JSONValue = .object([:])) -> JSONValue {
        let choice: JSONValue = [
            "content_filter_results": filter, "delta": .object(delta),
            "finish_reason": finishReason.map(JSONValue.string) ?? .null, "index": .int(Int64(index)), "logprobs": nil,
        ]
        return envelope(choices: [choice])
    }

    func usageChunk(_ usage: TokenUsage) -> JSONValue {
        var event = envelope(choices: [])
        event["usage"] = usage.chatJSON
        return event
    }

    func envelope(choices: [JSONValue]) -> JSONValue {
        [
            "choices": .array(choices), "created": .int(Int64(created)), "id": .string(id), "model": .string(model),
            "object": "chat.completion.chunk", "system_fingerprint": .string(systemFingerprint),
        ]
    }

    func toolCallChunks(_ call: ToolCall, position: Int, choice: Int) -> [JSONValue] {
        let opening: JSONValue = [
            "index": .int(Int64(position)), "id": .string(call.id), "type": "function",
            "function": ["name": .string(call.name), "arguments": ""],
        ]
        // The first call's opening delta also carries the role, as OpenAI's first tool-call chunk does.
        let delta: JSONObject =
            position == 0 ? ["role": "assistant", "content": nil, "tool_calls": [opening]] : ["tool_calls": [opening]]
        var events = [chunk(index: choice, delta: delta)]
        for fragment in Self.fragments(call.arguments, size: Self.argumentCharactersPerChunk) {
            let delta: JSONValue = ["index": .int(Int64(position)), "function": ["arguments": .string(fragment)]]
            events.append(chunk(index: choice, delta: ["tool_calls": [delta]]))
        }
        return events
    }

    /// Pieces of a few words each, whose concatenation is `text` (whitespace kept with the next word).
    static func contentPieces(_ text: String) -> [String] {
        let tokens = Tokenizer.pieces(of: text)
        var pieces: [String] = []
        var current = ""
        var words = 0
        for token in tokens {
            if token.first?.isWhitespace == true && !current.isEmpty { words += 1 }
            if words == wordsPerChunk {
                pieces.append(current)
                current = ""
                words = 0
            }
            current += token
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    static func fragments(_ text: String, size: Int) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            result.append(String(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        return result
    }
}
