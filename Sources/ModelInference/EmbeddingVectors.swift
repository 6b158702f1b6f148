/// Deterministic embeddings without weights: the "hashing trick" (Weinberger et al., "Feature Hashing for
/// Large Scale Multitask Learning", ICML 2009) over character 3-grams of the lowercased text. Each 3-gram
/// adds ±1 at a hashed index, and the vector is L2-normalised, so texts sharing many 3-grams have a
/// high cosine similarity and unrelated texts a near-zero one.
package enum EmbeddingVectors {
    /// Native output sizes (OpenAI "Embeddings" guide, model table).
    package static func nativeDimensions(model: String) -> Int {
        let name = model.lowercased()
        if name.contains("3-large") { return 3072 }
        return 1536  // text-embedding-3-small, text-embedding-ada-002 and unknown models
    }

    /// Only text-embedding-3 models accept `dimensions`.
    package static func supportsShortening(model: String) -> Bool {
        !model.lowercased().contains("ada-002")
    }

    /// A unit vector of `dimensions` components (at least 1). Shortening keeps the first components
    /// and re-normalises, which is how text-embedding-3 vectors are shortened (OpenAI "Embeddings" guide,
    /// "Reducing embedding dimensions").
    package static func vector(for text: String, dimensions: Int, nativeDimensions: Int = 1536) -> [Float] {
        let size = max(1, max(dimensions, nativeDimensions))
        var components = [Double](repeating: 0, count: size)
        for gram in trigrams(of: text) {
            let hash = StableHash(gram).value
            components[Int(hash % UInt64(size))] += (hash >> 63) == 0 ? 1 : -1
        }
        return normalised(Array(components.prefix(max(1, dimensions))), seed: text)
    }

    /// The 3-grams of the lowercased text padded with one space each side ("cat" -> " ca", "cat", "at ").
    static func trigrams(of text: String) -> [String] {
        let characters = Array(" " + text.lowercased() + " ")
        guard characters.count >= 3 else { return [String(characters)] }
        return (0...(characters.count - 3)).map { String(characters[$0..<($0 + 3)]) }
    }

    /// Scales to unit length. A vector that is all zeros (its 3-grams all fell outside the prefix) gets a
    /// single hashed component, so the result is still a unit vector.
    private static func normalised(_ components: [Double], seed: String) -> [Float] {
        var components = components
        var norm = components.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm == 0 {
            components[Int(StableHash(seed).value % UInt64(components.count))] = 1
            norm = 1
        }
        return components.map { Float($0 / norm) }
    }
}
