import ARMCore
import JSON

/// The Responses stream (OpenAI API reference "Streaming events"; openai-python
/// `openai/types/responses/response_stream_event.py`): `response.created`, `response.in_progress`, then per
/// output item `response.output_item.added`, for a message `response.content_part.added`,
/// `response.output_text.delta`..., `response.output_text.done`, `response.content_part.done`, for a function
/// call `response.function_call_arguments.delta`... and `.done`, then `response.output_item.done`, and last
/// `response.completed` (or `response.incomplete`). Every event has `type` and a `sequence_number` from 0.
/// Frame each with `ServerSentEvents.typed`.
extension ResponsesWire {
    package func streamEvents(_ request: ResponsesRequest, result: ResponsesResult) -> [JSONValue] {
        var events: [JSONObject] = []
        var inProgress = header(request, status: "in_progress")
        inProgress["output"] = []
        events.append(["type": "response.created", "response": .object(inProgress)])
        events.append(["type": "response.in_progress", "response": .object(inProgress)])
        for (index, output) in result.output.enumerated() { events += itemEvents(output, index: index) }
        let final = response(request, result: result)
        events.append(["type": result.status == "incomplete" ? "response.incomplete" : "response.completed", "response": final])
        return events.enumerated().map { offset, event in
            var numbered = event
            numbered["sequence_number"] = .int(Int64(offset))
            return .object(numbered)
        }
    }

    func itemEvents(_ output: ResponseItem, index: Int) -> [JSONObject] {
        let position = JSONValue.int(Int64(index))
        let added = item(output, index: index, status: "in_progress")
        var events: [JSONObject] = [["type": "response.output_item.added", "output_index": position, "item": added]]
        switch output {
        case .message(_, let text): events += textEvents(text, itemID: itemID("msg", index), position: position)
        case .functionCall(let call): events += argumentEvents(call.arguments, itemID: itemID("fc", index), position: position)
        case .functionCallOutput: break
        }
        events.append(["type": "response.output_item.done", "output_index": position, "item": item(output, index: index)])
        return events
    }

    func textEvents(_ text: String, itemID: String, position: JSONValue) -> [JSONObject] {
        let place: JSONObject = ["item_id": .string(itemID), "output_index": position, "content_index": 0]
        var events: [JSONObject] = [place.with("type", "response.content_part.added").with("part", Self.outputText(""))]
        for piece in ChatCompletionWire.contentPieces(text) {
            events.append(place.with("type", "response.output_text.delta").with("delta", .string(piece)).with("logprobs", []))
        }
        events.append(place.with("type", "response.output_text.done").with("text", .string(text)).with("logprobs", []))
        events.append(place.with("type", "response.content_part.done").with("part", Self.outputText(text)))
        return events
    }

    func argumentEvents(_ arguments: String, itemID: String, position: JSONValue) -> [JSONObject] {
        let place: JSONObject = ["item_id": .string(itemID), "output_index": position]
        var events: [JSONObject] = []
        for fragment in ChatCompletionWire.fragments(arguments, size: ChatCompletionWire.argumentCharactersPerChunk) {
            events.append(place.with("type", "response.function_call_arguments.delta").with("delta", .string(fragment)))
        }
        events.append(place.with("type", "response.function_call_arguments.done").with("arguments", .string(arguments)))
        return events
    }
}

extension JSONObject {
    /// A copy with `key` set, `type` first so events read like OpenAI's.
    fileprivate func with(_ key: String, _ value: JSONValue) -> JSONObject {
        if key == "type" {
            var result: JSONObject = ["type": value]
            for (name, member) in pairs { result[name] = member }
            return result
        }
        var result = self
        result[key] = value
        return result
    }
}
