import ARMCore

/// A validated `POST /responses` body (OpenAI API reference "Create a model response"; Azure serves it on
/// `/openai/v1/responses`, azure-rest-api-specs `specification/ai/data-plane/OpenAI.v1`).
public struct ResponsesRequest: Sendable, Equatable {
    public var model: String?
    public var input: [ResponseItem]
    public var instructions: String?
    public var tools: [FunctionTool] = []
    /// The `tools` member as sent (built-in tools included), echoed in the response object.
    public var toolsJSON: JSONValue = .array([])
    public var toolChoice: ToolChoice?
    public var parallelToolCalls: Bool = true
    public var maxOutputTokens: Int?
    public var previousResponseID: String?
    public var stream: Bool = false
    public var store: Bool = true
    public var format: ResponseFormat = .text
    public var temperature: Double?
    public var topP: Double?
    public var metadata: JSONObject = [:]
    public var user: String?

    public init(input: [ResponseItem]) {
        self.input = input
    }
}
