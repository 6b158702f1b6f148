import ARMCore
import JSON

/// Azure's all-clear content-filter annotations, which Azure OpenAI adds to every chat and completion
/// response (learn.microsoft.com azure/ai-foundry/openai/concepts/content-filter, "Annotations";
/// azure-rest-api-specs `.../AzureOpenAI/inference/stable/2024-10-21/inference.json`
/// `promptFilterResults`, `contentFilterChoiceResults`).
package enum ContentFilterResults {
    static let safe: JSONValue = ["filtered": false, "severity": "safe"]
    static let notDetected: JSONValue = ["filtered": false, "detected": false]

    /// The verdict on the prompt.
    package static let prompt: JSONValue = [
        "hate": safe, "jailbreak": notDetected, "self_harm": safe, "sexual": safe, "violence": safe,
    ]

    /// The verdict on one choice's output.
    package static let completion: JSONValue = [
        "hate": safe, "protected_material_code": notDetected, "protected_material_text": notDetected, "self_harm": safe,
        "sexual": safe, "violence": safe,
    ]

    /// Built once: every chat completion carries it.
    static let singlePrompt: JSONValue = .array([["prompt_index": 0, "content_filter_results": prompt]])

    /// `prompt_filter_results`, one entry per prompt.
    package static func promptFilterResults(prompts: Int = 1) -> JSONValue {
        prompts <= 1
            ? singlePrompt : .array((0..<max(1, prompts)).map { ["prompt_index": .int(Int64($0)), "content_filter_results": prompt] })
    }
}
