import ARMCore

/// The Responses API's `response` object and its stream events (OpenAI API reference "Responses"
/// and "Streaming events"; field lists from openai-python `openai/types/responses/response.py` and
/// `response_stream_event.py`). Streams use `event: <type>` lines before each `data:` line, as
/// OpenAI sends them.
public struct ResponsesWire: Sendable {
    public var id: String
    public var created: Int
    public var model: String
    public var request: ResponsesRequest

    public init(id: String, created: Int, model: String, request: ResponsesRequest) {
        self.id = id
        self.created = created
        self.model = model
        self.request = request
    }

    public func response(_ result: ResponsesResult) -> JSONValue {
        response(status: result.status, output: result.output.enumerated().map { item($0.element, index: $0.offset) }, result: result)
    }

    func response(status: String, output: [JSONValue], result: ResponsesResult?) -> JSONValue {
        var format: JSONValue = ["type": "text"]
        if case .jsonObject = request.format { format = ["type": "json_object"] }
        if case .jsonSchema(let name, let schema, let strict) = request.format {
            format = ["type": "json_schema", "name": .string(name), "schema": schema, "strict": .bool(strict)]
        }
        return [
            "id": .string(id), "object": "response", "created_at": .int(Int64(created)), "status": .string(status),
            "background": false, "error": .null,
            "incomplete_details": result?.incompleteReason.map { ["reason": .string($0)] } ?? .null,
            "instructions": request.instructions.map(JSONValue.string) ?? .null,
            "max_output_tokens": request.maxOutputTokens.map { .int(Int64($0)) } ?? .null, "model": .string(model),
            "output": .array(output), "parallel_tool_calls": .bool(request.parallelToolCalls),
            "previous_response_id": request.previousResponseID.map(JSONValue.string) ?? .null,
            "reasoning": ["effort": .null, "summary": .null], "store": .bool(request.store),
            "temperature": .double(request.temperature ?? 1), "text": ["format": format], "tool_choice": "auto",
            "tools": request.toolsJSON, "top_p": .double(request.topP ?? 1), "truncation": "disabled",
            "usage": result?.usage.responsesJSON ?? .null, "user": request.user.map(JSONValue.string) ?? .null,
            "metadata": .object(request.metadata),
        ]
    }

    /// Output items: assistant messages with one `output_text` part, or `function_call` items.
    func item(_ item: ResponseItem, index: Int, done: Bool = true) -> JSONValue {
        let status: JSONValue = done ? "completed" : "in_progress"
        switch item {
        case .functionCall(let call):
            return [
                "type": "function_call", "id": .string("fc_\(id.dropFirst(5))\(index)"), "call_id": .string(call.id),
                "name": .string(call.name), "arguments": .string(done ? call.arguments : ""), "status": status,
            ]
        case .message(let role, let text):
            return [
                "type": "message", "id": .string(messageID(index)), "status": status, "role": .string(role),
                "content": done ? [Self.textPart(text)] : [],
            ]
        case .functionCallOutput(let callID, let output):
            return ["type": "function_call_output", "call_id": .string(callID), "output": .string(output), "status": status]
        }
    }

    func messageID(_ index: Int) -> String { "msg_\(id.dropFirst(5))\(index)" }

    static func textPart(_ text: String) -> JSONValue { ["type": "output_text", "text": .string(text), "annotations": []] }

    /// created, in_progress, per item its added/delta/done events, completed; numbered in order.
    public func events(_ result: ResponsesResult) -> [JSONValue] {
        var events: [JSONValue] = []
        func emit(_ event: JSONObject) {
            var event = event
            event["sequence_number"] = .int(Int64(events.count))
            events.append(.object(event))
        }
        emit(["type": "response.created", "response": response(status: "in_progress", output: [], result: nil)])
        emit(["type": "response.in_progress", "response": response(status: "in_progress", output: [], result: nil)])
        for (index, output) in result.output.enumerated() {
            let position: JSONValue = .int(Int64(index))
            emit(["type": "response.output_item.added", "output_index": position, "item": item(output, index: index, done: false)])
            switch output {
            case .message(_, let text):
                let itemID = JSONValue.string(messageID(index))
                emit([
                    "type": "response.content_part.added", "item_id": itemID, "output_index": position, "content_index": 0,
                    "part": Self.textPart(""),
                ])
                for piece in ChatCompletionWire.pieces(of: text) {
                    emit([
                        "type": "response.output_text.delta", "item_id": itemID, "output_index": position, "content_index": 0,
                        "delta": .string(piece), "logprobs": [],
                    ])
                }
                emit([
                    "type": "response.output_text.done", "item_id": itemID, "output_index": position, "content_index": 0,
                    "text": .string(text), "logprobs": [],
                ])
                emit([
                    "type": "response.content_part.done", "item_id": itemID, "output_index": position, "content_index": 0,
                    "part": Self.textPart(text),
                ])
            case .functionCall(let call):
                let itemID = item(output, index: index)["id"] ?? .null
                for piece in ChatCompletionWire.pieces(of: call.arguments, words: 8) {
                    emit(["type": "response.function_call_arguments.delta", "item_id": itemID, "output_index": position, "delta": .string(piece)])
                }
                emit([
                    "type": "response.function_call_arguments.done", "item_id": itemID, "output_index": position,
                    "arguments": .string(call.arguments),
                ])
            case .functionCallOutput:
                break
            }
            emit(["type": "response.output_item.done", "output_index": position, "item": item(output, index: index)])
        }
        emit(["type": result.status == "incomplete" ? "response.incomplete" : "response.completed", "response": response(result)])
        return events
    }
}
