/// What a deployment answers to an embeddings request: one unit vector per input, in input order.
package struct EmbeddingsResult: Sendable, Equatable {
    package var vectors: [[Float]]
    package var promptTokens: Int

    package init(vectors: [[Float]], promptTokens: Int) {
        self.vectors = vectors
        self.promptTokens = promptTokens
    }
}
