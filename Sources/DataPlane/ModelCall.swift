import ARMCore
import JSON

/// One call to a model, as the data plane hands it to the model layer: what to do, on which
/// deployment and model, with the body as the client sent it.
package struct ModelCall: Sendable {
    package enum Operation: String, Sendable {
        case chatCompletions
        case completions
        case embeddings
        case responses

        /// The REST spec's operationId, as Azure's texts name operations.
        package var operationID: String {
            switch self {
            case .chatCompletions: "ChatCompletions_Create"
            case .completions: "Completions_Create"
            case .embeddings: "embeddings_create"
            case .responses: "Responses_Create"
            }
        }
    }

    package var operation: Operation
    /// The deployment's name (what the client calls `model` on the v1 routes).
    package var deployment: String
    /// The deployment's model (`properties.model.name`), what answers carry as `model`.
    package var model: String
    package var modelVersion: String
    package var body: JSONValue
    /// Responses API: the items of the `previous_response_id` chain, oldest first.
    package var history: [JSONValue]
    /// Unix seconds for `created`.
    package var created: Int

    package init(
        operation: Operation, deployment: String, model: String, modelVersion: String = "", body: JSONValue, history: [JSONValue] = [],
        created: Int
    ) {
        self.operation = operation
        self.deployment = deployment
        self.model = model
        self.modelVersion = modelVersion
        self.body = body
        self.history = history
        self.created = created
    }

    package var stream: Bool { body["stream"]?.boolValue == true }

    /// The text of the last user message (chat), the prompt (completions) or the input
    /// (responses): what scripted rules match on.
    package var lastUserText: String {
        switch operation {
        case .chatCompletions:
            let user = body["messages"]?.arrayValue?.last { $0["role"]?.stringValue == "user" }
            return Self.text(of: user?["content"])
        case .completions, .embeddings:
            return Self.text(of: body["prompt"] ?? body["input"])
        case .responses:
            if let input = body["input"]?.stringValue { return input }
            let user = body["input"]?.arrayValue?.last { $0["role"]?.stringValue == "user" }
            return Self.text(of: user?["content"])
        }
    }

    /// A string, or the `text` of content parts, joined.
    static func text(of value: JSONValue?) -> String {
        if let text = value?.stringValue { return text }
        return (value?.arrayValue ?? []).compactMap { $0.stringValue ?? $0["text"]?.stringValue }.joined(separator: "\n")
    }
}
