import ARMCore
import JSON

/// A run step (`RunStep`): `message_creation` (the reply) or `tool_calls` (the function calls the
/// model asked for, each `output` filled in when the client submits it), in the OpenAI Assistants
/// API's shape.
enum RunStepObject {
    static func create(id: String, run: JSONObject, createdAt: Int, details: JSONValue) -> JSONObject {
        [
            "id": .string(id), "object": "thread.run.step", "created_at": .int(Int64(createdAt)), "run_id": run["id"] ?? .null,
            "assistant_id": run["assistant_id"] ?? .null, "thread_id": run["thread_id"] ?? .null, "type": details["type"] ?? .null,
            "status": "in_progress", "cancelled_at": .null, "completed_at": .null, "expired_at": .null, "failed_at": .null,
            "last_error": .null, "step_details": details, "usage": .null, "metadata": [:],
        ]
    }

    static func messageCreation(_ messageID: String) -> JSONValue {
        ["type": "message_creation", "message_creation": ["message_id": .string(messageID)]]
    }

    /// The step's calls: `{"id","type":"function","function":{"name","arguments","output":null}}`.
    static func toolCalls(_ calls: [JSONValue]) -> JSONValue {
        [
            "type": "tool_calls",
            "tool_calls": .array(
                calls.map { call in
                    [
                        "id": call["id"] ?? .null, "type": "function",
                        "function": [
                            "name": call["function"]?["name"] ?? .null, "arguments": call["function"]?["arguments"] ?? "{}",
                            "output": .null,
                        ],
                    ]
                }),
        ]
    }

    /// The step's usage: `{"prompt_tokens","completion_tokens","total_tokens"}`.
    static func usage(prompt: Int, completion: Int) -> JSONValue {
        [
            "prompt_tokens": .int(Int64(prompt)), "completion_tokens": .int(Int64(completion)),
            "total_tokens": .int(Int64(prompt + completion)),
        ]
    }
}
