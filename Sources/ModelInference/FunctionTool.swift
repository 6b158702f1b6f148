import ARMCore

/// A function the model may call (chat `tools[]` `{"type":"function","function":{...}}`, or the flat
/// Responses form `{"type":"function","name",...}`).
public struct FunctionTool: Sendable, Equatable {
    public var name: String
    public var description: String?
    /// A JSON schema for the arguments object; nil means "no parameters".
    public var parameters: JSONValue?
    public var strict: Bool?

    public init(name: String, description: String? = nil, parameters: JSONValue? = nil, strict: Bool? = nil) {
        self.name = name
        self.description = description
        self.parameters = parameters
        self.strict = strict
    }
}
