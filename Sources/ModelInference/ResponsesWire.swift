import ARMCore
import JSON

/// The Responses API `response` object (openai-python `openai/types/responses/response.py`,
/// `response_output_message.py`, `response_output_text.py`, `response_function_tool_call.py`). Item ids
/// derive from the response id, so one response always names its items the same way.
package struct ResponsesWire: Sendable {
    package var id: String
    package var createdAt: Int
    package var model: String

    package init(id: String, createdAt: Int, model: String) {
        self.id = id
        self.createdAt = createdAt
        self.model = model
    }

    package func response(_ request: ResponsesRequest, result: ResponsesResult) -> JSONValue {
        var object = header(request, status: result.status)
        object["output"] = .array(result.output.enumerated().map { item($0.element, index: $0.offset) })
        object["usage"] = result.usage.responsesJSON
        if let reason = result.incompleteReason { object["incomplete_details"] = ["reason": .string(reason)] }
        return .object(object)
    }

    /// Everything but `output` and `usage`, in OpenAI's member order.
    func header(_ request: ResponsesRequest, status: String) -> JSONObject {
        [
            "id": .string(id), "object": "response", "created_at": .int(Int64(createdAt)), "status": .string(status),
            "error": nil, "incomplete_details": nil, "instructions": request.instructions.map(JSONValue.string) ?? .null,
            "max_output_tokens": request.maxOutputTokens.map { .int(Int64($0)) } ?? .null, "model": .string(model),
            "output": [], "parallel_tool_calls": .bool(request.parallelToolCalls),
            "previous_response_id": request.previousResponseID.map(JSONValue.string) ?? .null,
            "reasoning": ["effort": nil, "summary": nil], "store": .bool(request.store),
            "temperature": .double(request.temperature ?? 1), "text": ["format": Self.formatJSON(request.format)],
            "tool_choice": Self.toolChoiceJSON(request.toolChoice), "tools": request.toolsJSON,
            "top_p": .double(request.topP ?? 1), "truncation": "disabled", "usage": nil,
            "user": request.user.map(JSONValue.string) ?? .null, "metadata": .object(request.metadata),
        ]
    }

    package func item(_ item: ResponseItem, index: Int, status: String = "completed") -> JSONValue {
        switch item {
        case .message(let role, let text):
            return [
                "id": .string(itemID("msg", index)), "type": "message", "status": .string(status), "role": .string(role),
                "content": status == "in_progress" ? [] : [Self.outputText(text)],
            ]
        case .functionCall(let call):
            return [
                "id": .string(itemID("fc", index)), "type": "function_call", "status": .string(status),
                "arguments": .string(status == "in_progress" ? "" : call.arguments), "call_id": .string(call.id),
                "name": .string(call.name),
            ]
        case .functionCallOutput(let callID, let output):
            return [
                "id": .string(itemID("fco", index)), "type": "function_call_output", "call_id": .string(callID),
                "output": .string(output),
            ]
        }
    }

    static func outputText(_ text: String) -> JSONValue {
        ["type": "output_text", "annotations": [], "logprobs": [], "text": .string(text)]
    }

    /// `msg_`/`fc_` and 48 hex digits, the length of OpenAI's item ids.
    func itemID(_ prefix: String, _ index: Int) -> String {
        var hex = ""
        for round in 0..<3 {
            var hash = StableHash(id)
            hash.combine(index)
            hash.combine(round)
            let digits = String(hash.value, radix: 16)
            hex += String(repeating: "0", count: 16 - digits.count) + digits
        }
        return "\(prefix)_\(hex)"
    }

    static func formatJSON(_ format: ResponseFormat) -> JSONValue {
        switch format {
        case .text: ["type": "text"]
        case .jsonObject: ["type": "json_object"]
        case .jsonSchema(let name, let schema, let strict):
            ["type": "json_schema", "name": .string(name), "schema": schema, "strict": .bool(strict)]
        }
    }

    static func toolChoiceJSON(_ choice: ToolChoice?) -> JSONValue {
        switch choice {
        case .none?: "none"
        case .required?: "required"
        case .function(let name)?: ["type": "function", "name": .string(name)]
        case .auto?, nil: "auto"
        }
    }
}
