import ARMCore
import JSON

/// A function the model may call (chat `tools[]` `{"type":"function","function":{...}}`, or the flat
/// Responses form `{"type":"function","name",...}`).
package struct FunctionTool: Sendable, Equatable {
    package var name: String
    package var description: String?
    /// A JSON schema for the arguments object; nil means "no parameters".
    package var parameters: JSONValue?
    package var strict: Bool?

    package init(name: String, description: String? = nil, parameters: JSONValue? = nil, strict: Bool? = nil) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.strict = strict
    }
}
