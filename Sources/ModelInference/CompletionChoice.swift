/// One answer of a legacy completion.
public struct CompletionChoice: Sendable, Equatable {
    public var index: Int
    public var text: String
    /// "stop" or "length".
    public var finishReason: String

    public init(index: Int, text: String, finishReason: String) {
        self.index = index
        self.text = text
        self.finishReason = finishReason
    }
}
