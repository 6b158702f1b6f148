import ARMCore
import JSON

/// An assistant (azure-ai-agents `Agent`) as the wire shows it: Azure's recorded body
/// (`{"id":"asst_…","object":"assistant","created_at",…,"response_format":"auto"}`), built from a
/// create body and changed by an update body (members sent replace members kept).
enum AssistantObject {
    static func create(_ body: JSONValue, id: String, createdAt: Int) throws -> JSONObject {
        let model = try AgentFields.requiredString(body, "model")
        var object: JSONObject = [
            "id": .string(id), "object": "assistant", "created_at": .int(Int64(createdAt)), "name": .null, "description": .null,
            "model": .string(model), "instructions": .null, "tools": [], "top_p": 1.0, "temperature": 1.0, "tool_resources": [:],
            "metadata": [:], "response_format": "auto",
        ]
        try apply(body, to: &object)
        return object
    }

    /// An update: every member sent replaces the stored one (`model` may change too).
    static func update(_ object: inout JSONObject, with body: JSONValue) throws {
        if body["model"] != nil { object["model"] = .string(try AgentFields.requiredString(body, "model")) }
        try apply(body, to: &object)
    }

    static func apply(_ body: JSONValue, to object: inout JSONObject) throws {
        if let name = try AgentFields.optionalString(body, "name", maxLength: 256) { object["name"] = name }
        if let description = try AgentFields.optionalString(body, "description", maxLength: 512) { object["description"] = description }
        if let instructions = try AgentFields.optionalString(body, "instructions") { object["instructions"] = instructions }
        if let tools = try AgentFields.tools(body) { object["tools"] = tools }
        if let value = try AgentFields.number(body, "temperature", in: 0...2) { object["temperature"] = value.isNull ? 1.0 : value }
        if let value = try AgentFields.number(body, "top_p", in: 0...1) { object["top_p"] = value.isNull ? 1.0 : value }
        if let resources = try AgentFields.object(body, "tool_resources") { object["tool_resources"] = resources.isNull ? [:] : resources }
        if let metadata = try AgentFields.metadata(body) { object["metadata"] = metadata }
        if let format = try AgentFields.objectOrString(body, "response_format") {
            object["response_format"] = format.isNull ? "auto" : format
        }
    }

    /// `{"id","object":"assistant.deleted","deleted":true}` (Azure's recorded answer).
    static func deleted(_ id: String) -> JSONValue {
        ["id": .string(id), "object": "assistant.deleted", "deleted": true]
    }
}
