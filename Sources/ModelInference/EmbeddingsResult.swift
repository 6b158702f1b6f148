/// What a deployment answers to an embeddings request: one unit vector per input, in input order.
public struct EmbeddingsResult: Sendable, Equatable {
    public var vectors: [[Float]]
    public var promptTokens: Int

    public init(vectors: [[Float]], promptTokens: Int) {
        self.vectors = vectors
        self.promptTokens = promptTokens
    }
}
