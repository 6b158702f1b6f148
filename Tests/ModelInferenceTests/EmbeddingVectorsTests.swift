import Testing

@testable import ModelInference

@Suite struct EmbeddingVectorsTests {
    func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
    func norm(_ a: [Float]) -> Float { cosine(a, a).squareRoot() }

    @Test func givenAnyText_whenEmbedded_thenTheVectorHasUnitNormAndTheAskedSize() {
        for (text, size) in [("the cat sat on the mat", 1536), ("", 3072), ("x", 8), ("quarterly revenue", 1)] {
            let vector = EmbeddingVectors.vector(for: text, dimensions: size)
            #expect(vector.count == size)
            #expect(abs(norm(vector) - 1) < 1e-4, "\(text)")
        }
    }

    @Test func givenTheSameText_whenEmbeddedTwice_thenTheVectorsAreEqual() {
        #expect(EmbeddingVectors.vector(for: "hello", dimensions: 1536) == EmbeddingVectors.vector(for: "hello", dimensions: 1536))
        #expect(EmbeddingVectors.vector(for: "hello", dimensions: 1536) != EmbeddingVectors.vector(for: "help", dimensions: 1536))
    }

    @Test func givenSimilarAndUnrelatedTexts_whenCompared_thenSimilarTextsAreCloser() {
        let cat = EmbeddingVectors.vector(for: "the cat sat on the mat", dimensions: 1536)
        let alike = EmbeddingVectors.vector(for: "a cat sat on a mat", dimensions: 1536)
        let unrelated = EmbeddingVectors.vector(for: "quarterly revenue grew 8%", dimensions: 1536)
        #expect(cosine(cat, alike) > cosine(cat, unrelated) + 0.3)
    }

    @Test func givenShortenedDimensions_whenEmbedded_thenItIsTheRenormalisedPrefixOfTheFullVector() {
        let full = EmbeddingVectors.vector(for: "the cat sat on the mat", dimensions: 3072, nativeDimensions: 3072)
        let short = EmbeddingVectors.vector(for: "the cat sat on the mat", dimensions: 256, nativeDimensions: 3072)
        let prefix = Array(full.prefix(256))
        #expect(cosine(short, prefix) / norm(prefix) > 0.9999)
    }

    @Test func givenModels_whenAskedTheirNativeSize_thenTheTableAnswers() {
        #expect(EmbeddingVectors.nativeDimensions(model: "text-embedding-3-small") == 1536)
        #expect(EmbeddingVectors.nativeDimensions(model: "text-embedding-3-large") == 3072)
        #expect(EmbeddingVectors.nativeDimensions(model: "text-embedding-ada-002") == 1536)
    }

    @Test func givenAVector_whenBase64Encoded_thenItDecodesToTheSameLittleEndianFloats() {
        let vector = EmbeddingVectors.vector(for: "round trip", dimensions: 64)
        let text = EmbeddingVectors.base64(vector)
        #expect(EmbeddingVectors.floats(fromBase64: text) == vector)
        #expect(EmbeddingVectors.base64([1.0]) == "AACAPw==")  // 0x3F800000 little-endian
    }
}
