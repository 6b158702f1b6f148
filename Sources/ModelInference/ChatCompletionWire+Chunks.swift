import ARMCore

/// The streamed form (`stream: true`) in Azure's order: the prompt-filter chunk (empty `id`,
/// `model`, `object`, `created: 0`), then per choice a role chunk, content chunks of a few words
/// (or tool-call deltas as OpenAI streams them: id, type and name first, then argument pieces),
/// the final chunk with `finish_reason`, and the usage chunk when `stream_options.include_usage`
/// (openai-python#1677 and pydantic-ai#797 show Azure's sequence; openai-python
/// `openai/types/chat/chat_completion_chunk.py` the fields).
extension ChatCompletionWire {
    public func chunks(_ result: ChatResult, includeUsage: Bool) -> [JSONValue] {
        var events: [JSONValue] = [
            [
                "choices": [], "created": 0, "id": "", "model": "", "object": "",
                "prompt_filter_results": ContentFilterResults.promptFilterResults(),
            ]
        ]
        for choice in result.choices {
            events.append(chunk(choice: choice.index, delta: ["role": "assistant", "content": ""], finishReason: nil, filter: .object([:])))
            if choice.toolCalls.isEmpty {
                for piece in Self.pieces(of: choice.content ?? "") {
                    events.append(
                        chunk(choice: choice.index, delta: ["content": .string(piece)], finishReason: nil, filter: ContentFilterResults.completion))
                }
            } else {
                for (index, call) in choice.toolCalls.enumerated() {
                    let head: JSONValue = [
                        "index": .int(Int64(index)), "id": .string(call.id), "type": "function",
                        "function": ["name": .string(call.name), "arguments": ""],
                    ]
                    events.append(chunk(choice: choice.index, delta: ["tool_calls": [head]], finishReason: nil, filter: .object([:])))
                    for piece in Self.pieces(of: call.arguments, words: 8) {
                        let delta: JSONValue = ["tool_calls": [["index": .int(Int64(index)), "function": ["arguments": .string(piece)]]]]
                        events.append(chunk(choice: choice.index, delta: delta, finishReason: nil, filter: .object([:])))
                    }
                }
            }
            events.append(chunk(choice: choice.index, delta: [:], finishReason: choice.finishReason, filter: .object([:])))
        }
        if includeUsage {
            events.append([
                "choices": [], "created": .int(Int64(created)), "id": .string(id), "model": .string(model),
                "object": "chat.completion.chunk", "system_fingerprint": .string(systemFingerprint), "usage": result.usage.chatJSON,
            ])
        }
        return events
    }

    func chunk(choice index: Int, delta: JSONValue, finishReason: String?, filter: JSONValue) -> JSONValue {
        [
            "choices": [
                [
                    "content_filter_results": filter, "delta": delta, "finish_reason": finishReason.map(JSONValue.string) ?? .null,
                    "index": .int(Int64(index)), "logprobs": .null,
                ]
            ],
            "created": .int(Int64(created)), "id": .string(id), "model": .string(model), "object": "chat.completion.chunk",
            "system_fingerprint": .string(systemFingerprint),
        ]
    }

    /// Text in pieces of a few words that join back to the text exactly.
    static func pieces(of text: String, words: Int = 3) -> [String] {
        guard !text.isEmpty else { return [] }
        var pieces: [String] = []
        var current = ""
        var count = 0
        for character in text {
            current.append(character)
            if character == " " {
                count += 1
                if count == words {
                    pieces.append(current)
                    current = ""
                    count = 0
                }
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
