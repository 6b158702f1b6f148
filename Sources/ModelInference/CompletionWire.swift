import ARMCore

/// The legacy completion object (`text_completion`) and its chunks (azure-rest-api-specs
/// `AzureOpenAI/inference/stable/2024-10-21/examples/completions.json`; openai-python
/// `openai/types/completion.py`).
public struct CompletionWire: Sendable {
    public var id: String
    public var created: Int
    public var model: String

    public init(id: String, created: Int, model: String) {
        self.id = id
        self.created = created
        self.model = model
    }

    public func completion(_ result: CompletionResult) -> JSONValue {
        [
            "choices": .array(result.choices.map { choice($0, text: $0.text, finishReason: $0.finishReason) }),
            "created": .int(Int64(created)), "id": .string(id), "model": .string(model), "object": "text_completion",
            "prompt_filter_results": ContentFilterResults.promptFilterResults(),
            "usage": [
                "completion_tokens": .int(Int64(result.usage.completionTokens)), "prompt_tokens": .int(Int64(result.usage.promptTokens)),
                "total_tokens": .int(Int64(result.usage.totalTokens)),
            ],
        ]
    }

    /// Pieces of each choice's text, then its finish.
    public func chunks(_ result: CompletionResult) -> [JSONValue] {
        var events: [JSONValue] = []
        for choice in result.choices {
            for piece in ChatCompletionWire.pieces(of: choice.text) {
                events.append(chunk(self.choice(choice, text: piece, finishReason: nil)))
            }
            events.append(chunk(self.choice(choice, text: "", finishReason: choice.finishReason)))
        }
        return events
    }

    func choice(_ choice: CompletionChoice, text: String, finishReason: String?) -> JSONValue {
        [
            "content_filter_results": ContentFilterResults.completion, "finish_reason": finishReason.map(JSONValue.string) ?? .null,
            "index": .int(Int64(choice.index)), "logprobs": .null, "text": .string(text),
        ]
    }

    func chunk(_ choice: JSONValue) -> JSONValue {
        ["choices": [choice], "created": .int(Int64(created)), "id": .string(id), "model": .string(model), "object": "text_completion"]
    }
}
