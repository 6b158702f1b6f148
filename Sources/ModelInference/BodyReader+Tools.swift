import ARMCore
import JSON

/// `tools` and `tool_choice`, in chat's nested form (`{"type":"function","function":{"name"}}`) and the
/// Responses API's flat form (`{"type":"function","name"}`).
extension BodyReader {
    /// OpenAI: "The name of the function to be called. Must be a-z, A-Z, 0-9, or contain underscores and
    /// dashes, with a maximum length of 64."
    static func isValidFunctionName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
            }
    }

    /// Chat `tools`: every entry must be a function tool; at most 128 (OpenAI API reference).
    func chatTools() throws(InferenceError) -> [FunctionTool] {
        guard let readers = try objects("tools") else { return [] }
        if readers.count > 128 { throw .arrayTooLong(name("tools"), maximum: 128, got: readers.count) }
        var tools: [FunctionTool] = []
        for reader in readers {
            let type = try reader.requiredString("type")
            guard type == "function" else { throw .invalidValue(reader.name("type"), type, supported: ["function"]) }
            guard let function = try reader.object("function") else { throw .missing(reader.name("function")) }
            tools.append(try function.functionTool())
        }
        return tools
    }

    /// Responses `tools`: function tools are parsed; built-in tools (web_search, file_search, ...) are
    /// accepted and left to the caller, since the built-in model never calls them.
    func flatTools() throws(InferenceError) -> [FunctionTool] {
        var tools: [FunctionTool] = []
        for reader in try objects("tools") ?? [] where try reader.requiredString("type") == "function" {
            tools.append(try reader.functionTool())
        }
        return tools
    }

    /// `{name, description, parameters, strict}` at this level.
    func functionTool() throws(InferenceError) -> FunctionTool {
        let functionName = try requiredString("name")
        guard Self.isValidFunctionName(functionName) else {
            throw .badRequest(
                "Invalid '\(name("name"))': string does not match pattern. Expected a string that matches the pattern "
                    + "'^[a-zA-Z0-9_-]{1,64}$'.", param: name("name"), code: "invalid_value")
        }
        var parameters: JSONValue?
        if let schema = value("parameters") {
            guard schema.objectValue != nil else { throw .invalidType(name("parameters"), expected: "an object", got: schema) }
            try Self.checkSchemaDepth(schema, param: name("parameters"))
            parameters = schema
        }
        return FunctionTool(
            name: functionName, description: try string("description"), parameters: parameters, strict: try bool("strict"))
    }

    /// `tool_choice`: a mode string, or an object naming one of `tools`.
    func toolChoice(tools: [FunctionTool], flat: Bool) throws(InferenceError) -> ToolChoice? {
        guard let value = value("tool_choice") else { return nil }
        if value.stringValue != nil {
            let mode = try choice("tool_choice", ToolChoice.modeNames)
            if mode != "none" && tools.isEmpty { throw toolChoiceWithoutTools() }
            return mode == "none" ? ToolChoice.none : mode == "auto" ? .auto : .required
        }
        guard let choice = try object("tool_choice") else { return nil }
        let type = try choice.requiredString("type")
        guard type == "function" else { return .auto }  // built-in tool choices (Responses): nothing to force
        let functionName = flat ? try choice.requiredString("name") : try functionNameOfNestedChoice(choice)
        if tools.isEmpty { throw toolChoiceWithoutTools() }
        guard tools.contains(where: { $0.name == functionName }) else {
            throw .invalid("tool_choice", "function '\(functionName)' is not one of the provided tools.")
        }
        return .function(functionName)
    }

    private func functionNameOfNestedChoice(_ choice: BodyReader) throws(InferenceError) -> String {
        guard let function = try choice.object("function") else { throw .missing(choice.name("function")) }
        return try function.requiredString("name")
    }

    private func toolChoiceWithoutTools() -> InferenceError {
        .invalid("tool_choice", "'tool_choice' is only allowed when 'tools' are specified.")
    }
}
