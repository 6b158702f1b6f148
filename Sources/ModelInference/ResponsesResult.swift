/// What a deployment answers to a Responses request: output items (an assistant message, or function
/// calls), and whether the output budget cut it short.
package struct ResponsesResult: Sendable, Equatable {
    package var output: [ResponseItem]
    /// "completed", or "incomplete" when `max_output_tokens` was reached.
    package var status: String
    /// `incomplete_details.reason` ("max_output_tokens") when incomplete.
    package var incompleteReason: String?
    package var usage: TokenUsage

    package init(output: [ResponseItem], status: String = "completed", incompleteReason: String? = nil, usage: TokenUsage) {
        self.output = output
        self.status = status
        self.incompleteReason = incompleteReason
        self.usage = usage
    }
}
