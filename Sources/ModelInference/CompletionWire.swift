import ARMCore
import JSON

/// The legacy completion object (`text_completion`) and its stream chunks (azure-rest-api-specs
/// `.../AzureOpenAI/inference/stable/2024-10-21/examples/completions.json`; openai-python
/// `openai/types/completion.py`). Chunks have the same `object` as the whole, as OpenAI sends them.
package struct CompletionWire: Sendable {
    package var id: String
    package var created: Int
    package var model: String

    package init(id: String, created: Int, model: String) {
        self.id = id
        self.created = created
        self.model = model
    }

    package func completion(_ result: CompletionResult, prompts: Int = 1) -> JSONValue {
        var object = envelope(choices: result.choices.map { choice($0, text: $0.text, finishReason: $0.finishReason) })
        object["prompt_filter_results"] = ContentFilterResults.promptFilterResults(prompts: prompts)
        object["usage"] = [
            "completion_tokens": .int(Int64(result.usage.completionTokens)),
            "prompt_tokens": .int(Int64(result.usage.promptTokens)),
            "total_tokens": .int(Int64(result.usage.totalTokens)),
        ]
        return object
    }

    /// Per choice: text chunks of a few words, then an empty-text chunk with `finish_reason`; with
    /// `includeUsage`, a final chunk with no choices and `usage`.
    package func streamEvents(_ result: CompletionResult, includeUsage: Bool = false) -> [JSONValue] {
        var events: [JSONValue] = []
        for entry in result.choices {
            for piece in ChatCompletionWire.contentPieces(entry.text) {
                events.append(envelope(choices: [choice(entry, text: piece, finishReason: nil)]))
            }
            events.append(envelope(choices: [choice(entry, text: "", finishReason: entry.finishReason)]))
        }
        if includeUsage {
            var usage = envelope(choices: [])
            usage["usage"] = [
                "completion_tokens": .int(Int64(result.usage.completionTokens)),
                "prompt_tokens": .int(Int64(result.usage.promptTokens)),
                "total_tokens": .int(Int64(result.usage.totalTokens)),
            ]
            events.append(usage)
        }
        return events
    }

    func envelope(choices: [JSONValue]) -> JSONValue {
        [
            "choices": .array(choices), "created": .int(Int64(created)), "id": .string(id), "model": .string(model),
            "object": "text_completion",
        ]
    }

    func choice(_ choice: CompletionChoice, text: String, finishReason: String?) -> JSONValue {
        [
            "content_filter_results": finishReason == nil ? ContentFilterResults.completion : .object([:]),
            "finish_reason": finishReason.map(JSONValue.string) ?? .null, "index": .int(Int64(choice.index)), "logprobs": nil,
            "text": .string(text),
        ]
    }
}
