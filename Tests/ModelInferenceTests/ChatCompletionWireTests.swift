import ARMCore
import Testing

@testable import ModelInference

@Suite struct ChatCompletionWireTests {
    let wire = ChatCompletionWire(id: "chatcmpl-1", created: 1_700_000_000, model: "gpt-4o-2024-08-06")
    static let text = ChatResult(
        choices: [ChatChoice(index: 0, content: "one two three four five six seven", finishReason: "stop")],
        usage: TokenUsage(promptTokens: 9, completionTokens: 7))
    static let call = ChatResult(
        choices: [
            ChatChoice(
                index: 0, content: nil, toolCalls: [ToolCall(id: "call_1", name: "f", arguments: #"{"location":"Paris, France"}"#)],
                finishReason: "tool_calls")
        ], usage: TokenUsage(promptTokens: 9, completionTokens: 5))

    @Test func givenAResult_whenRendered_thenTheObjectHasAzuresFields() {
        let object = wire.completion(Self.text)
        #expect(object["object"] == "chat.completion" && object["id"] == "chatcmpl-1" && object["model"] == "gpt-4o-2024-08-06")
        #expect(object["prompt_filter_results"]?[0]?["content_filter_results"]?["hate"]?["severity"] == "safe")
        let choice = object["choices"]?[0]
        #expect(choice?["message"] == ["role": "assistant", "content": "one two three four five six seven", "refusal": nil])
        #expect(choice?["logprobs"] == .null && choice?["finish_reason"] == "stop")
        #expect(object["usage"]?["total_tokens"] == 16 && object["usage"]?["prompt_tokens_details"]?["cached_tokens"] == 0)
        let toolMessage = wire.completion(Self.call)["choices"]?[0]?["message"]
        #expect(toolMessage?["content"] == .null)
        #expect(toolMessage?["tool_calls"]?[0]?["function"]?["name"] == "f" && toolMessage?["tool_calls"]?[0]?["type"] == "function")
    }

    @Test func givenATextResult_whenStreamed_thenChunksComeInAzuresOrderAndRebuildTheContent() {
        let events = wire.streamEvents(Self.text, includeUsage: true)
        #expect(events.first == wire.promptFilterChunk() && events.first?["id"] == "" && events.first?["created"] == 0)
        #expect(events[1]["choices"]?[0]?["delta"] == ["role": "assistant", "content": ""])
        let middle = events[2..<(events.count - 2)]
        #expect(middle.count > 1)
        #expect(middle.compactMap { $0["choices"]?[0]?["delta"]?["content"]?.stringValue }.joined() == "one two three four five six seven")
        let final = events[events.count - 2]["choices"]?[0]
        #expect(final?["delta"] == [:] && final?["finish_reason"] == "stop")
        #expect(events.last?["choices"] == [] && events.last?["usage"]?["completion_tokens"] == 7)
        #expect(events.dropFirst().allSatisfy { $0["object"] == "chat.completion.chunk" && $0["id"] == "chatcmpl-1" })
        #expect(wire.streamEvents(Self.text, includeUsage: false).last?["usage"] == nil)
    }

    @Test func givenAToolCall_whenStreamed_thenTheFirstDeltaNamesTheCallAndFragmentsRebuildTheArguments() {
        let events = wire.streamEvents(Self.call, includeUsage: false)
        let opening = events[1]["choices"]?[0]?["delta"]?["tool_calls"]?[0]
        #expect(opening?["id"] == "call_1" && opening?["type"] == "function" && opening?["function"]?["arguments"] == "")
        #expect(opening?["function"]?["name"] == "f" && opening?["index"] == 0)
        let fragments = events.compactMap { $0["choices"]?[0]?["delta"]?["tool_calls"]?[0]?["function"]?["arguments"]?.stringValue }
        #expect(fragments.joined() == #"{"location":"Paris, France"}"# && fragments.count > 2)
        #expect(events.last?["choices"]?[0]?["finish_reason"] == "tool_calls")
    }

    @Test func givenLogprobs_whenRendered_thenEachTokenHasALogprobAndItsBytes() {
        var withLogprobs = wire
        withLogprobs.logprobs = true
        withLogprobs.topLogprobs = 2
        let content = withLogprobs.completion(Self.text)["choices"]?[0]?["logprobs"]?["content"]?.arrayValue ?? []
        #expect(content.count == Tokenizer.count("one two three four five six seven"))
        #expect(content.allSatisfy { ($0["logprob"]?.doubleValue ?? 1) <= 0 && $0["top_logprobs"]?.arrayValue?.count == 2 })
        #expect(content.first?["bytes"] == [111, 110, 101])
    }

    @Test func givenEvents_whenFramed_thenEachIsOneDataLineAndTheStreamEndsWithDone() {
        let bytes = ServerSentEvents.data(["a": 1])
        #expect(String(decoding: bytes, as: UTF8.self) == "data: {\"a\":1}\n\n")
        #expect(String(decoding: ServerSentEvents.done, as: UTF8.self) == "data: [DONE]\n\n")
        #expect(
            String(decoding: ServerSentEvents.typed(["type": "response.created"]), as: UTF8.self)
                == "event: response.created\ndata: {\"type\":\"response.created\"}\n\n")
    }
}
