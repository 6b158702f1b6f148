import ARMCore
import JSON
import Testing

@testable import DataPlane

/// Run streaming as azure-ai-agents parses it: an `event:` line and one `data:` line per event, LF
/// only, Azure's event order, `done` / `[DONE]` last (docs/agents.md "Streaming").
@Suite struct AgentEventSinkTests {
    /// The (event, data) pairs of a stream, checking each event's framing.
    func events(_ text: String) -> [(String, String)] {
        #expect(!text.contains("\r") && text.hasSuffix("\n\n"))
        return text.components(separatedBy: "\n\n").dropLast().map { block in
            let lines = block.components(separatedBy: "\n")
            #expect(lines.count == 2 && lines[0].hasPrefix("event: ") && lines[1].hasPrefix("data: "), "\(block)")
            return (String(lines[0].dropFirst(7)), String(lines.last?.dropFirst(6) ?? ""))
        }
    }

    @Test func givenAFrame_whenWritten_thenEventLineThenCompactDataLineThenABlankLine() {
        let frame = String(decoding: AgentEventSink.frame("thread.run.created", ["id": "run_1", "n": 1]), as: UTF8.self)
        #expect(frame == "event: thread.run.created\ndata: {\"id\":\"run_1\",\"n\":1}\n\n")
        #expect(String(decoding: AgentEventSink.doneFrame, as: UTF8.self) == "event: done\ndata: [DONE]\n\n")
    }

    @Test func givenStreamTrue_whenARunAnswers_thenTheEventsComeInAzuresOrder() async throws {
        let world = try AgentsWorld()
        let (assistant, thread) = try await world.assistantAndThread(message: "Tell me a long story about ships")
        let answer = try await world.client.send("POST", "threads/\(thread)/runs", body: #"{"assistant_id":"\#(assistant)","stream":true}"#)
        #expect(answer.status == 200 && answer.headers["Content-Type"]?.hasPrefix("text/event-stream") == true)
        let events = events(answer.text)
        let names = events.map(\.0)
        let deltas = names.indices.filter { names[$0] == "thread.message.delta" }
        #expect(!deltas.isEmpty)
        #expect(
            Array(names.prefix(deltas.first ?? 0)) == [
                "thread.run.created", "thread.run.queued", "thread.run.in_progress", "thread.run.step.created",
                "thread.run.step.in_progress", "thread.message.created", "thread.message.in_progress",
            ])
        #expect(
            Array(names.suffix(from: (deltas.last ?? 0) + 1)) == [
                "thread.message.completed", "thread.run.step.completed", "thread.run.completed", "done",
            ])
        #expect(events.last?.1 == "[DONE]")
        let text = events.filter { $0.0 == "thread.message.delta" }.compactMap {
            (try? JSONParser.parse($0.1))?["delta"]?["content"]?[0]?["text"]?["value"]?.stringValue
        }.joined()
        let stored = try await world.client.send("GET", "threads/\(thread)/messages?limit=1").json?["data"]?[0]?["content"]?[0]?["text"]?[
            "value"]
        #expect(stored?.stringValue == text && !text.isEmpty)
    }

    @Test func givenAToolCall_whenStreamed_thenTheStreamEndsAtRequiresActionAndTheSubmitStreamContinues() async throws {
        let world = try AgentsWorld()
        _ = try world.dataPlane.handlers.models.rules.add(["match": "time", "times": 1, "reply": ["toolCalls": [["name": "now"]]]])
        let tools = #"[{"type":"function","function":{"name":"now"}}]"#
        let (assistant, thread) = try await world.assistantAndThread(message: "what time is it?", tools: tools)
        let first = events(
            try await world.client.send("POST", "threads/\(thread)/runs", body: #"{"assistant_id":"\#(assistant)","stream":true}"#).text)
        #expect(
            first.map(\.0) == [
                "thread.run.created", "thread.run.queued", "thread.run.in_progress", "thread.run.step.created",
                "thread.run.step.in_progress", "thread.run.requires_action", "done",
            ])
        let run = try JSONParser.parse(first[5].1)
        let call = run["required_action"]?["submit_tool_outputs"]?["tool_calls"]?[0]?["id"]?.stringValue ?? ""
        let body = #"{"stream":true,"tool_outputs":[{"tool_call_id":"\#(call)","output":"noon"}]}"#
        let second = events(
            try await world.client.send("POST", "threads/\(thread)/runs/\(run["id"]?.stringValue ?? "")/submit_tool_outputs", body: body)
                .text)
        #expect(second.prefix(3).map(\.0) == ["thread.run.step.completed", "thread.run.queued", "thread.run.in_progress"])
        #expect(second.suffix(2).map(\.0) == ["thread.run.completed", "done"])
    }

    @Test func givenCreateThreadAndRunStreamed_whenAnswered_thenTheThreadComesFirst() async throws {
        let world = try AgentsWorld()
        let assistant = try await world.client.send("POST", "assistants", body: #"{"model":"gpt-4o"}"#).json?["id"]?.stringValue ?? ""
        let body = #"{"assistant_id":"\#(assistant)","stream":true,"thread":{"messages":[{"role":"user","content":"hi"}]}}"#
        let events = events(try await world.client.send("POST", "threads/runs", body: body).text)
        #expect(events.prefix(2).map(\.0) == ["thread.created", "thread.run.created"])
        let thread = try JSONParser.parse(events[0].1)
        #expect(thread["object"]?.stringValue == "thread")
        #expect(try JSONParser.parse(events[1].1)["thread_id"] == thread["id"])
        #expect(events.last?.0 == "done")
    }
}
