import ARMCore
import JSON

/// `response_format` (chat) or `text.format` (Responses): free text, any JSON object, or an instance
/// of a JSON schema (OpenAI "Structured Outputs").
package enum ResponseFormat: Sendable, Equatable {
    case text
    case jsonObject
    case jsonSchema(name: String, schema: JSONValue, strict: Bool)

    static let typeNames = ["text", "json_object", "json_schema"]
}
