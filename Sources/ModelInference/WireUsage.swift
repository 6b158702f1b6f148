import ARMCore
import JSON

/// `usage` objects as the services send them.
extension TokenUsage {
    /// Chat/completions usage with the detail objects Azure includes (azure-rest-api-specs
    /// `.../AzureOpenAI/inference/stable/2024-10-21/inference.json` `completionUsage`; openai-python
    /// `openai/types/completion_usage.py`).
    package var chatJSON: JSONValue {
        [
            "completion_tokens": .int(Int64(completionTokens)),
            "completion_tokens_details": [
                "accepted_prediction_tokens": 0, "audio_tokens": 0, "reasoning_tokens": 0, "rejected_prediction_tokens": 0,
            ],
            "prompt_tokens": .int(Int64(promptTokens)),
            "prompt_tokens_details": ["audio_tokens": 0, "cached_tokens": 0],
            "total_tokens": .int(Int64(totalTokens)),
        ]
    }

    /// Responses usage (openai-python `openai/types/responses/response_usage.py`).
    package var responsesJSON: JSONValue {
        [
            "input_tokens": .int(Int64(promptTokens)),
            "input_tokens_details": ["cached_tokens": 0],
            "output_tokens": .int(Int64(completionTokens)),
            "output_tokens_details": ["reasoning_tokens": 0],
            "total_tokens": .int(Int64(totalTokens)),
        ]
    }
}
