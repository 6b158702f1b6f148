/// What a deployment answers to a Responses request: output items (an assistant message, or function
/// calls), and whether the output budget cut it short.
public struct ResponsesResult: Sendable, Equatable {
    public var output: [ResponseItem]
    /// "completed", or "incomplete" when `max_output_tokens` was reached.
    public var status: String
    /// `incomplete_details.reason` ("max_output_tokens") when incomplete.
    public var incompleteReason: String?
    public var usage: TokenUsage

    public init(output: [ResponseItem], status: String = "completed", incompleteReason: String? = nil, usage: TokenUsage) {
        self.output = output
        self.status = status
        self.incompleteReason = incompleteReason
        self.usage = usage
    }
}
