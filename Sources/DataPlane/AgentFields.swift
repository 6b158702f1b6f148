import ARMCore
import JSON

/// Validation of the members the Assistants-style objects share (OpenAI Assistants API reference:
/// `metadata` is at most 16 string pairs, keys up to 64 and values up to 512 characters; `tools`
/// are objects with a `type`, a function tool names its function), each failure the API's 400
/// naming the member.
enum AgentFields {
    static func optionalString(_ body: JSONValue, _ name: String, maxLength: Int = 256_000) throws -> JSONValue? {
        guard let value = body[name] else { return nil }
        if value.isNull { return .null }
        guard let text = value.stringValue else { throw DataPlaneError.invalidParameter(name, "expected a string, got \(value.kindName).") }
        guard text.count <= maxLength else {
            throw DataPlaneError.invalidParameter(name, "string too long. Expected a string with maximum length \(maxLength).")
        }
        return value
    }

    static func requiredString(_ body: JSONValue, _ name: String) throws -> String {
        guard let value = try optionalString(body, name), let text = value.stringValue, !text.isEmpty else {
            throw DataPlaneError.missingParameter(name)
        }
        return text
    }

    static func metadata(_ body: JSONValue) throws -> JSONValue? {
        guard let value = body["metadata"] else { return nil }
        if value.isNull { return .object([:]) }
        guard let object = value.objectValue, object.count <= 16,
            object.pairs.allSatisfy({ $0.key.count <= 64 && ($0.value.stringValue?.count ?? 513) <= 512 })
        else {
            throw DataPlaneError.invalidParameter(
                "metadata", "expected an object of at most 16 string values (keys up to 64, values up to 512 characters).")
        }
        return value
    }

    /// A number in `range` (temperature 0-2, top_p 0-1), or null.
    static func number(_ body: JSONValue, _ name: String, in range: ClosedRange<Double>) throws -> JSONValue? {
        guard let value = body[name] else { return nil }
        if value.isNull { return value }
        guard let number = value.doubleValue, range.contains(number) else {
            throw DataPlaneError.invalidParameter(name, "expected a number from \(range.lowerBound) to \(range.upperBound).")
        }
        return value
    }

    static func tools(_ body: JSONValue) throws -> JSONValue? {
        guard let value = body["tools"] else { return nil }
        if value.isNull { return .array([]) }
        guard let tools = value.arrayValue, tools.count <= AgentLimits.tools else {
            throw DataPlaneError.invalidParameter("tools", "expected an array of at most \(AgentLimits.tools) tools.")
        }
        for (index, tool) in tools.enumerated() {
            guard let type = tool["type"]?.stringValue, !type.isEmpty else { throw DataPlaneError.missingParameter("tools[\(index)].type") }
            if type == "function", tool["function"]?["name"]?.stringValue?.isEmpty ?? true {
                throw DataPlaneError.missingParameter("tools[\(index)].function.name")
            }
        }
        return value
    }

    /// `tool_resources`, `response_format`, `truncation_strategy`, `tool_choice`: kept as sent
    /// when they are of the right JSON kind.
    static func object(_ body: JSONValue, _ name: String) throws -> JSONValue? {
        guard let value = body[name] else { return nil }
        guard value.isNull || value.objectValue != nil else {
            throw DataPlaneError.invalidParameter(name, "expected an object, got \(value.kindName).")
        }
        return value
    }

    static func objectOrString(_ body: JSONValue, _ name: String) throws -> JSONValue? {
        guard let value = body[name] else { return nil }
        guard value.isNull || value.objectValue != nil || value.stringValue != nil else {
            throw DataPlaneError.invalidParameter(name, "expected a string or an object, got \(value.kindName).")
        }
        return value
    }

    static func optionalInt(_ body: JSONValue, _ name: String, minimum: Int) throws -> JSONValue? {
        guard let value = body[name] else { return nil }
        if value.isNull { return value }
        guard let number = value.intValue, number >= minimum else {
            throw DataPlaneError.invalidParameter(name, "expected an integer of at least \(minimum).")
        }
        return value
    }

    static func optionalBool(_ body: JSONValue, _ name: String) throws -> Bool? {
        guard let value = body[name], !value.isNull else { return nil }
        guard let flag = value.boolValue else { throw DataPlaneError.invalidParameter(name, "expected a boolean, got \(value.kindName).") }
        return flag
    }
}
