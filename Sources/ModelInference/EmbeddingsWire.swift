import ARMCore
import JSON

/// The embeddings list object (azure-rest-api-specs `.../AzureOpenAI/inference/stable/2024-10-21/examples/
/// embeddings.json`; openai-python `openai/types/create_embedding_response.py`): float arrays, or base64
/// strings of little-endian float32 for `encoding_format: "base64"`, which openai-python asks for by default.
package enum EmbeddingsWire {
    package static func list(_ result: EmbeddingsResult, model: String, encoding: EmbeddingsRequest.EncodingFormat) -> JSONValue {
        let data: [JSONValue] = result.vectors.enumerated().map { index, vector in
            let embedding: JSONValue =
                encoding == .base64 ? .string(EmbeddingVectors.base64(vector)) : .array(vector.map { .double(Double($0)) })
            return ["object": "embedding", "index": .int(Int64(index)), "embedding": embedding]
        }
        return [
            "object": "list", "data": .array(data), "model": .string(model),
            "usage": ["prompt_tokens": .int(Int64(result.promptTokens)), "total_tokens": .int(Int64(result.promptTokens))],
        ]
    }
}
