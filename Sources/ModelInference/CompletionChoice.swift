/// One answer of a legacy completion.
package struct CompletionChoice: Sendable, Equatable {
    package var index: Int
    package var text: String
    /// "stop" or "length".
    package var finishReason: String

    package init(index: Int, text: String, finishReason: String) {
        self.index = index
        self.text = text
        self.finishReason = finishReason
    }
}
