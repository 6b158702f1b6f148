import ARMCore
import JSON

/// A validated `POST .../embeddings` body (OpenAI API reference "Create embeddings": `input` "cannot be an
/// empty string, and any array must be 2048 dimensions or less"; azure-rest-api-specs
/// `.../AzureOpenAI/inference/stable/2024-10-21/inference.json` `embeddings`).
package struct EmbeddingsRequest: Sendable, Equatable {
    package enum EncodingFormat: String, Sendable, Equatable {
        case float, base64
    }

    package static let maximumInputs = 2048

    package var model: String?
    package var inputs: [PromptInput]
    package var dimensions: Int?
    package var encodingFormat: EncodingFormat = .float
    package var user: String?

    package init(inputs: [PromptInput]) {
        self.inputs = inputs
    }

    package init(json: JSONValue) throws(InferenceError) {
        let body = try BodyReader(body: json)
        guard let inputs = try body.promptInputs("input", allowEmpty: false) else { throw .missing("input") }
        if inputs.count > Self.maximumInputs { throw .arrayTooLong("input", maximum: Self.maximumInputs, got: inputs.count) }
        self.init(inputs: inputs)
        model = try body.string("model")
        dimensions = try body.integer("dimensions", minimum: 1)
        if let format = try body.choice("encoding_format", ["float", "base64"]) {
            encodingFormat = EncodingFormat(rawValue: format) ?? .float
        }
        user = try body.string("user")
    }

    /// Checks `dimensions` against the model: only text-embedding-3 models shorten their vectors (OpenAI
    /// API reference: "Only supported in text-embedding-3 and later models").
    package func checkDimensions(model: String) throws(InferenceError) {
        guard let dimensions else { return }
        guard EmbeddingVectors.supportsShortening(model: model) else {
            throw .badRequest("This model does not support specifying dimensions.", param: "dimensions", code: nil)
        }
        let native = EmbeddingVectors.nativeDimensions(model: model)
        if dimensions > native { throw .integerAbove("dimensions", maximum: native, got: dimensions) }
    }
}
