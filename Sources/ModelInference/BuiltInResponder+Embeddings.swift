/// Embeddings: one `EmbeddingVectors` vector per input, at the requested or the model's native size.
extension BuiltInResponder {
    package func embeddings(_ request: EmbeddingsRequest, model: String) -> EmbeddingsResult {
        let native = EmbeddingVectors.nativeDimensions(model: model)
        let dimensions = request.dimensions.map { min($0, native) } ?? native
        let vectors = request.inputs.map { input -> [Float] in
            let text =
                switch input {
                case .text(let text): text
                case .tokens(let tokens): tokens.map(String.init).joined(separator: " ")
                }
            return EmbeddingVectors.vector(for: text, dimensions: dimensions, nativeDimensions: native)
        }
        return EmbeddingsResult(vectors: vectors, promptTokens: Tokenizer.estimatedRateLimitTokens(for: request))
    }
}
