import ARMCore
import JSON

/// A validated `POST /responses` body (OpenAI API reference "Create a model response"; Azure serves it on
/// `/openai/v1/responses`, azure-rest-api-specs `specification/ai/data-plane/OpenAI.v1`).
package struct ResponsesRequest: Sendable, Equatable {
    package var model: String?
    package var input: [ResponseItem]
    package var instructions: String?
    package var tools: [FunctionTool] = []
    /// The `tools` member as sent (built-in tools included), echoed in the response object.
    package var toolsJSON: JSONValue = .array([])
    package var toolChoice: ToolChoice?
    package var parallelToolCalls: Bool = true
    package var maxOutputTokens: Int?
    package var previousResponseID: String?
    package var stream: Bool = false
    package var store: Bool = true
    package var format: ResponseFormat = .text
    package var temperature: Double?
    package var topP: Double?
    package var metadata: JSONObject = [:]
    package var user: String?

    package init(input: [ResponseItem]) {
        self.input = input
    }
}
