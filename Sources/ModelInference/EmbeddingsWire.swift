import ARMCore

/// The embeddings list (azure-rest-api-specs `AzureOpenAI/inference/stable/2024-10-21/examples/embeddings.json`):
/// float arrays, or base64 strings of little-endian float32 with `encoding_format: base64`, which
/// openai-python asks for by default and decodes (`openai/resources/embeddings.py`).
public enum EmbeddingsWire {
    public static func list(_ result: EmbeddingsResult, model: String, base64: Bool) -> JSONValue {
        [
            "data": .array(
                result.vectors.enumerated().map { index, vector in
                    [
                        "embedding": base64 ? .string(EmbeddingVectors.base64(vector)) : .array(vector.map { .double(Double($0)) }),
                        "index": .int(Int64(index)), "object": "embedding",
                    ]
                }),
            "model": .string(model), "object": "list",
            "usage": ["prompt_tokens": .int(Int64(result.promptTokens)), "total_tokens": .int(Int64(result.promptTokens))],
        ]
    }
}
