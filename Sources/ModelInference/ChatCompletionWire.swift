import ARMCore
import JSON

/// The chat completion object as Azure OpenAI sends it (azure-rest-api-specs `.../AzureOpenAI/inference/
/// stable/2024-10-21/examples/chat_completions.json`; openai-python `openai/types/chat/chat_completion.py`).
/// `model` is the underlying model's name, not the deployment's.
package struct ChatCompletionWire: Sendable {
    package var id: String
    package var created: Int
    package var model: String
    package var systemFingerprint: String
    /// Report plausible per-token logprobs (`logprobs: true`), with `topLogprobs` alternatives each.
    package var logprobs: Bool = false
    package var topLogprobs: Int = 0

    package init(id: String, created: Int, model: String, systemFingerprint: String = "fp_foundry_emulator") {
        self.id = id
        self.created = created
        self.model = model
        self.systemFingerprint = systemFingerprint
    }

    package func completion(_ result: ChatResult) -> JSONValue {
        [
            "choices": .array(result.choices.map(choice)),
            "created": .int(Int64(created)),
            "id": .string(id),
            "model": .string(model),
            "object": "chat.completion",
            "prompt_filter_results": ContentFilterResults.promptFilterResults(),
            "system_fingerprint": .string(systemFingerprint),
            "usage": result.usage.chatJSON,
        ]
    }

    func choice(_ choice: ChatChoice) -> JSONValue {
        var message: JSONObject = ["role": "assistant", "content": choice.content.map(JSONValue.string) ?? .null, "refusal": nil]
        if !choice.toolCalls.isEmpty { message["tool_calls"] = .array(choice.toolCalls.map(Self.toolCall)) }
        return [
            "content_filter_results": choice.toolCalls.isEmpty ? ContentFilterResults.completion : .object([:]),
            "finish_reason": .string(choice.finishReason),
            "index": .int(Int64(choice.index)),
            "logprobs": logprobs ? LogprobsWire.chat(choice.content ?? "", top: topLogprobs) : .null,
            "message": .object(message),
        ]
    }

    static func toolCall(_ call: ToolCall) -> JSONValue {
        ["function": ["arguments": .string(call.arguments), "name": .string(call.name)], "id": .string(call.id), "type": "function"]
    }
}
