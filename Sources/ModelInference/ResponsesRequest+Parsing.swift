import ARMCore
import JSON

extension ResponsesRequest {
    /// Parses and validates a Responses body; throws the 400 for the first bad field.
    package init(json: JSONValue) throws(InferenceError) {
        let body = try BodyReader(body: json)
        self.init(input: try body.responseInput())
        model = try body.string("model")
        instructions = try body.string("instructions")
        tools = try body.flatTools()
        toolsJSON = body.value("tools") ?? .array([])
        toolChoice = try body.toolChoice(tools: tools, flat: true)
        parallelToolCalls = try body.bool("parallel_tool_calls") ?? true
        // OpenAI rejects budgets under 16 output tokens for this API.
        maxOutputTokens = try body.integer("max_output_tokens", minimum: 16)
        previousResponseID = try body.string("previous_response_id")
        stream = try body.bool("stream") ?? false
        store = try body.bool("store") ?? true
        format = try body.object("text")?.object("format")?.responseFormat(nested: false) ?? .text
        temperature = try body.decimal("temperature", minimum: 0, maximum: 2)
        topP = try body.decimal("top_p", minimum: 0, maximum: 1)
        metadata = try body.metadata()
        user = try body.string("user")
    }
}

extension BodyReader {
    /// `input`: a string (one user message) or an array of items.
    func responseInput() throws(InferenceError) -> [ResponseItem] {
        guard let value = value("input") else { return [] }
        if let text = value.stringValue { return [.message(role: "user", text: text)] }
        guard value.arrayValue != nil else {
            throw .invalidType(name("input"), expected: "a string or an array of objects", got: value)
        }
        var items: [ResponseItem] = []
        for reader in try objects("input") ?? [] {
            if let item = try reader.responseItem() { items.append(item) }
        }
        return items
    }

    /// Messages (`type` "message" or omitted), function calls and their outputs. Other item kinds
    /// (reasoning, built-in tool calls, item references) carry nothing the built-in model reads: skipped.
    func responseItem() throws(InferenceError) -> ResponseItem? {
        switch try string("type") ?? "message" {
        case "message":
            let role = try requiredString("role")
            let roles = ["user", "assistant", "system", "developer"]
            guard roles.contains(role) else { throw .invalidValue(name("role"), role, supported: roles) }
            return .message(role: role, text: try responseText())
        case "function_call":
            let callID = try requiredString("call_id")
            return .functionCall(ToolCall(id: callID, name: try requiredString("name"), arguments: try requiredString("arguments")))
        case "function_call_output":
            return .functionCallOutput(callID: try requiredString("call_id"), output: try functionOutput())
        default:
            return nil
        }
    }

    /// Message `content`: a string, or parts of which `input_text`/`output_text`/`refusal` carry text.
    private func responseText() throws(InferenceError) -> String {
        guard let value = value("content") else { throw .missing(name("content")) }
        if let text = value.stringValue { return text }
        var texts: [String] = []
        for part in try objects("content") ?? [] {
            let type = try part.requiredString("type")
            if ["input_text", "output_text"].contains(type) { texts.append(try part.requiredString("text")) }
            if type == "refusal" { texts.append(try part.requiredString("refusal")) }
        }
        return texts.joined(separator: "\n")
    }

    /// `output`: a string, or (newer API versions) an array of `input_text` parts.
    private func functionOutput() throws(InferenceError) -> String {
        guard let value = value("output") else { throw .missing(name("output")) }
        if let text = value.stringValue { return text }
        let parts = try objects("output") ?? []
        var texts: [String] = []
        for part in parts { if let text = try part.string("text") { texts.append(text) } }
        return texts.joined(separator: "\n")
    }

    /// `metadata`: at most 16 string values (OpenAI API reference, "Metadata").
    func metadata() throws(InferenceError) -> JSONObject {
        guard let reader = try object("metadata") else { return [:] }
        if reader.object.count > 16 {
            throw .badRequest(
                "Invalid 'metadata': too many properties. Expected an object with at most 16 properties, "
                    + "but got an object with \(reader.object.count) properties instead.", param: "metadata",
                code: "object_above_max_properties")
        }
        for key in reader.object.keys { _ = try reader.string(key) }
        return reader.object
    }
}
