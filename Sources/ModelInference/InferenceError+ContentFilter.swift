import ARMCore
import JSON

/// Azure's content-filter refusal of a prompt: status 400, code `content_filter`, with the per-category
/// verdicts in `innererror.content_filter_result` (learn.microsoft.com azure/ai-foundry/openai/concepts/
/// content-filter, "Scenario details": prompt filtered, HTTP 400, `ResponsibleAIPolicyViolation`).
extension InferenceError {
    /// The categories Azure's default policy reports for a prompt.
    package static let promptFilterCategories = ["hate", "jailbreak", "self_harm", "sexual", "violence"]

    /// A prompt rejected because `category` (one of `promptFilterCategories`) was flagged.
    package static func contentFilter(category: String = "jailbreak", severity: String = "high") -> InferenceError {
        var result = JSONObject()
        for name in promptFilterCategories {
            let flagged = name == category
            result[name] =
                name == "jailbreak"
                ? ["filtered": .bool(flagged), "detected": .bool(flagged)]
                : ["filtered": .bool(flagged), "severity": .string(flagged ? severity : "safe")]
        }
        return InferenceError(
            status: 400, code: "content_filter",
            message: "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. "
                + "Please modify your prompt and retry. To learn more about our content filtering policies please read "
                + "our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
            param: "prompt", type: nil,
            innerError: ["code": "ResponsibleAIPolicyViolation", "content_filter_result": .object(result)])
    }
}
