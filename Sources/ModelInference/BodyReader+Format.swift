import ARMCore
import JSON

/// `response_format` (chat) and `text.format` (Responses).
extension BodyReader {
    /// Deeper schemas are refused: JSON bodies are parsed at most 64 levels deep in this emulator, and
    /// OpenAI's Structured Outputs allow far less nesting ("up to 10 levels", OpenAI guide "Structured
    /// Outputs", supported schemas). The check is iterative so a hostile document cannot exhaust the stack.
    static let maximumSchemaDepth = 64

    func chatResponseFormat() throws(InferenceError) -> ResponseFormat {
        guard let format = try object("response_format") else { return .text }
        guard let schema = try format.responseFormat(nested: true) else { return .text }
        return schema
    }

    /// `{"type": ...}` at this level; json_schema carries its schema under `json_schema` (chat, nested)
    /// or beside `type` (Responses `text.format`, flat).
    func responseFormat(nested: Bool) throws(InferenceError) -> ResponseFormat? {
        guard let type = try choice("type", ResponseFormat.typeNames) else { throw .missing(name("type")) }
        switch type {
        case "json_object": return .jsonObject
        case "json_schema":
            let holder: BodyReader
            if nested {
                guard let inner = try object("json_schema") else { throw .missing(name("json_schema")) }
                holder = inner
            } else {
                holder = self
            }
            return try holder.jsonSchemaFormat()
        default: return .text
        }
    }

    private func jsonSchemaFormat() throws(InferenceError) -> ResponseFormat {
        let schemaName = try requiredString("name")
        guard let schema = value("schema") else { throw .missing(name("schema")) }
        guard schema.objectValue != nil else { throw .invalidType(name("schema"), expected: "an object", got: schema) }
        try Self.checkSchemaDepth(schema, param: name("schema"))
        return .jsonSchema(name: schemaName, schema: schema, strict: try bool("strict") ?? false)
    }

    static func checkSchemaDepth(_ schema: JSONValue, param: String) throws(InferenceError) {
        var pending: [(JSONValue, Int)] = [(schema, 1)]
        while let (value, depth) = pending.popLast() {
            if depth > maximumSchemaDepth {
                throw .invalid(param, "the schema is nested more than \(maximumSchemaDepth) levels deep.")
            }
            switch value {
            case .object(let object): for key in object.keys { pending.append((object[key] ?? .null, depth + 1)) }
            case .array(let items): for item in items { pending.append((item, depth + 1)) }
            default: break
            }
        }
    }
}
