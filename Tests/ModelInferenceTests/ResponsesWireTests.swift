import ARMCore
import JSON
import Testing

@testable import ModelInference

@Suite struct ResponsesWireTests {
    let wire = ResponsesWire(id: "resp_1", createdAt: 1_700_000_000, model: "gpt-4o")

    func request(_ json: JSONValue) throws -> ResponsesRequest { try ResponsesRequest(json: json) }

    @Test func givenAMessageResult_whenRendered_thenTheResponseObjectHasOpenAIsFields() throws {
        let request = try request(["input": "Hi", "instructions": "Be brief.", "metadata": ["k": "v"], "store": false])
        let usage = TokenUsage(promptTokens: 5, completionTokens: 1)
        let result = ResponsesResult(output: [.message(role: "assistant", text: "Hello")], usage: usage)
        let object = wire.response(request, result: result)
        #expect(object["object"] == "response" && object["status"] == "completed" && object["created_at"] == 1_700_000_000)
        #expect(object["error"] == .null && object["incomplete_details"] == .null && object["instructions"] == "Be brief.")
        #expect(object["store"] == false && object["metadata"] == ["k": "v"] && object["parallel_tool_calls"] == true)
        let item = object["output"]?[0]
        #expect(item?["type"] == "message" && item?["role"] == "assistant" && item?["id"]?.stringValue?.hasPrefix("msg_") == true)
        #expect(item?["content"]?[0] == ["type": "output_text", "annotations": [], "logprobs": [], "text": "Hello"])
        #expect(object["usage"]?["input_tokens"] == 5 && object["usage"]?["output_tokens_details"]?["reasoning_tokens"] == 0)
    }

    @Test func givenAMessage_whenStreamed_thenEventsFollowOpenAIsOrderWithSequenceNumbers() throws {
        let usage = TokenUsage(promptTokens: 1, completionTokens: 5)
        let result = ResponsesResult(output: [.message(role: "assistant", text: "one two three four five")], usage: usage)
        let events = wire.streamEvents(try request(["input": "Hi"]), result: result)
        let types = events.compactMap { $0["type"]?.stringValue }
        #expect(types.first == "response.created" && types[1] == "response.in_progress" && types.last == "response.completed")
        let expectedOrder = [
            "response.output_item.added", "response.content_part.added", "response.output_text.delta", "response.output_text.done",
            "response.content_part.done", "response.output_item.done",
        ]
        let firstPositions = expectedOrder.compactMap { types.firstIndex(of: $0) }
        #expect(firstPositions.count == expectedOrder.count && firstPositions == firstPositions.sorted())
        #expect(events.map { $0["sequence_number"]?.intValue } == Array(0..<events.count))
        let deltas = events.filter { $0["type"] == "response.output_text.delta" }.compactMap { $0["delta"]?.stringValue }
        #expect(deltas.joined() == "one two three four five")
        #expect(events[0]["response"]?["status"] == "in_progress" && events.last?["response"]?["status"] == "completed")
    }

    @Test func givenAFunctionCall_whenStreamed_thenArgumentDeltasPrecedeTheDoneEventAndTheItemCarriesTheCall() throws {
        let call = ToolCall(id: "call_9", name: "lookup", arguments: #"{"query":"a longer query text"}"#)
        let result = ResponsesResult(output: [.functionCall(call)], usage: TokenUsage(promptTokens: 1, completionTokens: 5))
        let events = wire.streamEvents(try request(["input": "Hi"]), result: result)
        let deltas = events.filter { $0["type"] == "response.function_call_arguments.delta" }.compactMap { $0["delta"]?.stringValue }
        #expect(deltas.joined() == call.arguments)
        let done = events.first { $0["type"] == "response.function_call_arguments.done" }
        #expect(done?["arguments"]?.stringValue == call.arguments)
        let item = events.first { $0["type"] == "response.output_item.done" }?["item"]
        #expect(item?["type"] == "function_call" && item?["call_id"] == "call_9" && item?["name"] == "lookup")
        #expect(item?["id"]?.stringValue?.hasPrefix("fc_") == true && item?["status"] == "completed")
    }
}
