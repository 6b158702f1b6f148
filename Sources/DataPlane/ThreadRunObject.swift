import ARMCore
import JSON

/// A run (`ThreadRun`), Azure's recorded shape: the assistant's settings copied at creation and
/// overridden by the run's body, `expires_at` = created + 600, `usage` null until the run ends.
enum ThreadRunObject {
    /// Statuses in which a run still holds its thread (`models/_enums.py` RunStatus).
    static let active: Set<String> = ["queued", "in_progress", "requires_action", "cancelling"]
    /// Statuses the SDK's polling loop waits through (`create_and_process`).
    static let pending: Set<String> = ["queued", "in_progress", "requires_action"]

    static func create(_ body: JSONValue, assistant: JSONObject, id: String, thread: String, createdAt: Int) throws -> JSONObject {
        var object: JSONObject = [
            "id": .string(id), "object": "thread.run", "created_at": .int(Int64(createdAt)), "assistant_id": assistant["id"] ?? .null,
            "thread_id": .string(thread), "status": "queued", "started_at": .null,
            "expires_at": .int(Int64(createdAt + AgentLimits.expirySeconds)), "cancelled_at": .null, "failed_at": .null,
            "completed_at": .null, "required_action": .null, "last_error": .null, "model": assistant["model"] ?? .null,
            "instructions": assistant["instructions"] ?? .null, "tools": assistant["tools"] ?? [],
            "tool_resources": assistant["tool_resources"] ?? [:], "metadata": [:], "temperature": assistant["temperature"] ?? 1.0,
            "top_p": assistant["top_p"] ?? 1.0, "max_completion_tokens": .null, "max_prompt_tokens": .null,
            "truncation_strategy": ["type": "auto", "last_messages": .null], "incomplete_details": .null, "usage": .null,
            "response_format": assistant["response_format"] ?? "auto", "tool_choice": "auto", "parallel_tool_calls": true,
        ]
        if let model = try AgentFields.optionalString(body, "model"), model.stringValue?.isEmpty == false { object["model"] = model }
        if let instructions = try AgentFields.optionalString(body, "instructions") { object["instructions"] = instructions }
        if let extra = try AgentFields.optionalString(body, "additional_instructions"), let text = extra.stringValue, !text.isEmpty {
            let base = object["instructions"]?.stringValue ?? ""
            object["instructions"] = .string(base.isEmpty ? text : base + "\n" + text)
        }
        if let tools = try AgentFields.tools(body) { object["tools"] = tools }
        if let value = try AgentFields.number(body, "temperature", in: 0...2), !value.isNull { object["temperature"] = value }
        if let value = try AgentFields.number(body, "top_p", in: 0...1), !value.isNull { object["top_p"] = value }
        for name in ["max_completion_tokens", "max_prompt_tokens"] {
            if let value = try AgentFields.optionalInt(body, name, minimum: 256) { object[name] = value }
        }
        if let value = try AgentFields.object(body, "truncation_strategy"), !value.isNull { object["truncation_strategy"] = value }
        if let value = try AgentFields.objectOrString(body, "response_format"), !value.isNull { object["response_format"] = value }
        if let value = try AgentFields.objectOrString(body, "tool_choice"), !value.isNull { object["tool_choice"] = value }
        if let value = try AgentFields.optionalBool(body, "parallel_tool_calls") { object["parallel_tool_calls"] = .bool(value) }
        if let metadata = try AgentFields.metadata(body) { object["metadata"] = metadata }
        return object
    }

    /// `required_action` for function calls (`SubmitToolOutputsAction`).
    static func requiredAction(_ calls: [JSONValue]) -> JSONValue {
        ["type": "submit_tool_outputs", "submit_tool_outputs": ["tool_calls": .array(calls)]]
    }

    /// `{"prompt_tokens","completion_tokens","total_tokens","prompt_token_details":{"cached_tokens"}}`.
    static func usage(prompt: Int, completion: Int) -> JSONValue {
        [
            "prompt_tokens": .int(Int64(prompt)), "completion_tokens": .int(Int64(completion)),
            "total_tokens": .int(Int64(prompt + completion)), "prompt_token_details": ["cached_tokens": 0],
        ]
    }

    /// `last_error`: `server_error` or `rate_limit_exceeded` (RunError codes of the SDK).
    static func error(_ code: String, _ message: String) -> JSONValue {
        ["code": .string(code), "message": .string(message)]
    }
}
