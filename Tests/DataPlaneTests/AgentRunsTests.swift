import ARMCore
import JSON
import Testing

@testable import DataPlane

/// The run lifecycle of Assistants-style agents (docs/agents.md): background progress, the reply,
/// function calls and tool outputs, failures, throttling, cancellation, restarts and resets.
@Suite struct AgentRunsTests {
    static let weatherTool = #"[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}]"#

    @Test func givenAThreadWithAUserMessage_whenARunIsCreated_thenItAnswersQueuedAndCompletesWithAReplyAndAStep() async throws {
        let world = try AgentsWorld()
        let (assistant, thread) = try await world.assistantAndThread(message: "Tell me a joke")
        let created = try await world.client.send("POST", "threads/\(thread)/runs", body: #"{"assistant_id":"\#(assistant)"}"#)
        #expect(created.status == 200)
        #expect(created.json?["status"]?.stringValue == "queued" && created.json?["usage"] == .null)
        #expect(created.json?["assistant_id"]?.stringValue == assistant && created.json?["model"]?.stringValue == "gpt-4o")
        let runID = created.json?["id"]?.stringValue ?? ""
        #expect(runID.hasPrefix("run_") && runID.count == 28)
        await world.runs.finished(world.runID(thread: thread, run: runID))

        let run = try await world.client.send("GET", "threads/\(thread)/runs/\(runID)").json ?? .null
        #expect(run["status"]?.stringValue == "completed")
        #expect((run["usage"]?["total_tokens"]?.intValue ?? 0) > 0 && run["completed_at"]?.intValue != nil)
        let messages = try await world.client.send("GET", "threads/\(thread)/messages?order=asc").json?["data"]?.arrayValue ?? []
        #expect(messages.count == 2)
        let reply = messages.last ?? .null
        #expect(reply["role"]?.stringValue == "assistant" && reply["run_id"]?.stringValue == runID)
        #expect(reply["assistant_id"]?.stringValue == assistant && reply["status"]?.stringValue == "completed")
        #expect(reply["content"]?[0]?["type"]?.stringValue == "text")
        #expect(reply["content"]?[0]?["text"]?["value"]?.stringValue?.isEmpty == false)
        let steps = try await world.client.send("GET", "threads/\(thread)/runs/\(runID)/steps").json?["data"]?.arrayValue ?? []
        #expect(steps.count == 1 && steps.first?["type"]?.stringValue == "message_creation")
        #expect(steps.first?["step_details"]?["message_creation"]?["message_id"] == reply["id"])
        #expect(world.dataPlane.usage.counts(for: world.account.child(type: "deployments", name: "gpt-4o")).requests == 1)
    }

    @Test func givenAScriptedToolCall_whenTheRunAsks_thenRequiresActionUntilTheOutputsAreSubmitted() async throws {
        let world = try AgentsWorld()
        _ = try world.dataPlane.handlers.models.rules.add([
            "match": "weather", "times": 1, "reply": ["toolCalls": [["name": "get_weather", "arguments": ["city": "Oslo"]]]],
        ])
        let (assistant, thread) = try await world.assistantAndThread(message: "weather in Oslo?", tools: Self.weatherTool)
        let waiting = try await world.runToRest(assistant: assistant, thread: thread)
        #expect(waiting["status"]?.stringValue == "requires_action")
        let calls = waiting["required_action"]?["submit_tool_outputs"]?["tool_calls"]?.arrayValue ?? []
        #expect(waiting["required_action"]?["type"]?.stringValue == "submit_tool_outputs" && calls.count == 1)
        #expect(calls.first?["function"]?["name"]?.stringValue == "get_weather")
        #expect(calls.first?["function"]?["arguments"]?.stringValue == #"{"city":"Oslo"}"#)
        let callID = calls.first?["id"]?.stringValue ?? ""
        let runID = waiting["id"]?.stringValue ?? ""
        let path = "threads/\(thread)/runs/\(runID)"

        let wrong = try await world.client.send(
            "POST", path + "/submit_tool_outputs", body: #"{"tool_outputs":[{"tool_call_id":"call_x","output":"1"}]}"#)
        #expect(
            wrong.status == 400 && wrong.json?["error"]?["message"]?.stringValue?.hasPrefix("Expected tool outputs for call_ids") == true)
        let busy = try await world.client.send("POST", "threads/\(thread)/messages", body: #"{"role":"user","content":"more"}"#)
        #expect(busy.status == 400)

        let submitted = try await world.client.send(
            "POST", path + "/submit_tool_outputs", body: #"{"tool_outputs":[{"tool_call_id":"\#(callID)","output":"sunny and warm"}]}"#)
        #expect(submitted.status == 200 && submitted.json?["status"]?.stringValue == "queued")
        #expect(submitted.json?["required_action"] == .null)
        await world.runs.finished(world.runID(thread: thread, run: runID))
        let done = try await world.client.send("GET", path).json ?? .null
        #expect(done["status"]?.stringValue == "completed")
        let again = try await world.client.send("POST", path + "/submit_tool_outputs", body: #"{"tool_outputs":[]}"#)
        #expect(
            again.status == 400
                && again.json?["error"]?["message"]?.stringValue == #"Runs in status "completed" do not accept tool outputs."#)

        let steps = try await world.client.send("GET", path + "/steps?order=asc").json?["data"]?.arrayValue ?? []
        #expect(steps.map { $0["type"]?.stringValue ?? "" } == ["tool_calls", "message_creation"])
        #expect(steps.first?["status"]?.stringValue == "completed")
        #expect(steps.first?["step_details"]?["tool_calls"]?[0]?["function"]?["output"]?.stringValue == "sunny and warm")
        let reply = try await world.client.send("GET", "threads/\(thread)/messages?limit=1").json?["data"]?[0]?["content"]?[0]?["text"]?[
            "value"]
        #expect(reply?.stringValue?.contains("sunny and warm") == true)
    }

    @Test func givenAModelError_whenTheRunCallsIt_thenFailedWithServerError() async throws {
        let world = try AgentsWorld()
        _ = try world.dataPlane.handlers.models.rules.add([
            "match": "explode", "reply": ["error": ["status": 500, "code": "InternalServerError", "message": "boom"]],
        ])
        let (assistant, thread) = try await world.assistantAndThread(message: "explode")
        let run = try await world.runToRest(assistant: assistant, thread: thread)
        #expect(run["status"]?.stringValue == "failed" && run["failed_at"]?.intValue != nil)
        #expect(run["last_error"] == ["code": "server_error", "message": "boom"])
        #expect(run["expires_at"] == .null)
    }

    @Test func givenACapacityOfOne_whenASecondRunCallsTheModel_thenItFailsWithRateLimitExceeded() async throws {
        let world = try AgentsWorld(capacity: 1)
        let (assistant, thread) = try await world.assistantAndThread(message: "first")
        #expect(try await world.runToRest(assistant: assistant, thread: thread)["status"]?.stringValue == "completed")
        let second = try await world.runToRest(assistant: assistant, thread: thread)
        #expect(second["status"]?.stringValue == "failed")
        #expect(second["last_error"]?["code"]?.stringValue == "rate_limit_exceeded")
        #expect(second["last_error"]?["message"]?.stringValue?.hasPrefix("Rate limit is exceeded. Try again in ") == true)
        #expect(world.dataPlane.usage.counts(for: world.account.child(type: "deployments", name: "gpt-4o")).throttled == 1)
    }

    @Test func givenLimitsOff_whenRunsExceedTheCapacity_thenTheyComplete() async throws {
        let world = try AgentsWorld(capacity: 1, limitsEnabled: false)
        let (assistant, thread) = try await world.assistantAndThread(message: "first")
        #expect(try await world.runToRest(assistant: assistant, thread: thread)["status"]?.stringValue == "completed")
        #expect(try await world.runToRest(assistant: assistant, thread: thread)["status"]?.stringValue == "completed")
    }

    @Test func givenASlowModel_whenTheRunIsCancelled_thenCancellingThenCancelledWithoutAReply() async throws {
        let world = try AgentsWorld()
        _ = try world.dataPlane.handlers.models.rules.add(["match": "slow", "latencyMs": 600_000])
        let (assistant, thread) = try await world.assistantAndThread(message: "slow please")
        let created = try await world.client.send("POST", "threads/\(thread)/runs", body: #"{"assistant_id":"\#(assistant)"}"#)
        let runID = created.json?["id"]?.stringValue ?? ""
        let cancelling = try await world.client.send("POST", "threads/\(thread)/runs/\(runID)/cancel")
        #expect(cancelling.status == 200 && cancelling.json?["status"]?.stringValue == "cancelling")
        await world.runs.finished(world.runID(thread: thread, run: runID))
        let run = try await world.client.send("GET", "threads/\(thread)/runs/\(runID)").json ?? .null
        #expect(run["status"]?.stringValue == "cancelled" && run["cancelled_at"]?.intValue != nil)
        let messages = try await world.client.send("GET", "threads/\(thread)/messages").json?["data"]?.arrayValue ?? []
        #expect(messages.count == 1)
        let again = try await world.client.send("POST", "threads/\(thread)/runs/\(runID)/cancel")
        #expect(again.status == 400)
        #expect(world.runs.workingCount == 0)
    }

    @Test func givenRunsInProgressInTheStore_whenSettledAfterARestart_thenFailedOrCancelled() async throws {
        let world = try AgentsWorld()
        // One thread per run: a run left in progress holds its thread.
        var runs: [String: ResourceID] = [:]
        for status in ["in_progress", "cancelling", "requires_action"] {
            let (assistant, thread) = try await world.assistantAndThread(message: "hello")
            let done = try await world.runToRest(assistant: assistant, thread: thread)
            let id = world.runID(thread: thread, run: done["id"]?.stringValue ?? "")
            try world.store.update(id) { $0["status"] = .string(status) }
            runs[status] = id
        }
        world.runs.settleInterrupted()
        func stored(_ status: String) -> JSONObject { runs[status].flatMap { world.store.get($0)?.body } ?? [:] }
        #expect(stored("in_progress")["status"] == "failed")
        #expect(stored("in_progress")["last_error"]?["code"]?.stringValue == "server_error")
        #expect(stored("cancelling")["status"] == "cancelled" && stored("cancelling")["cancelled_at"]?.intValue != nil)
        #expect(stored("requires_action")["status"] == "requires_action")
    }

    @Test func givenARunWaitingPastItsExpiry_whenRead_thenExpired() async throws {
        let world = try AgentsWorld()
        _ = try world.dataPlane.handlers.models.rules.add(["match": "weather", "reply": ["toolCalls": [["name": "get_weather"]]]])
        let (assistant, thread) = try await world.assistantAndThread(message: "weather?", tools: Self.weatherTool)
        let waiting = try await world.runToRest(assistant: assistant, thread: thread)
        let runID = waiting["id"]?.stringValue ?? ""
        try world.store.update(world.runID(thread: thread, run: runID)) { $0["expires_at"] = 1 }
        let run = try await world.client.send("GET", "threads/\(thread)/runs/\(runID)").json ?? .null
        #expect(run["status"]?.stringValue == "expired" && run["required_action"] == .null)
        let step = try await world.client.send("GET", "threads/\(thread)/runs/\(runID)/steps").json?["data"]?[0]
        #expect(step?["status"]?.stringValue == "expired")
    }

    @Test func givenARunningRun_whenTheThreadIsDeletedOrTheWorldReset_thenItsTaskStops() async throws {
        let world = try AgentsWorld()
        _ = try world.dataPlane.handlers.models.rules.add(["match": "slow", "latencyMs": 600_000])
        let (assistant, thread) = try await world.assistantAndThread(message: "slow")
        _ = try await world.client.send("POST", "threads/\(thread)/runs", body: #"{"assistant_id":"\#(assistant)"}"#)
        #expect(world.runs.workingCount == 1)
        let deleted = try await world.client.send("DELETE", "threads/\(thread)")
        #expect(deleted.json == ["id": .string(thread), "object": "thread.deleted", "deleted": true])
        #expect(world.runs.workingCount == 0)
        #expect(world.store.all(under: world.project.child(type: "threads", name: thread)).isEmpty)

        let other = try await world.assistantAndThread(message: "slow again")
        _ = try await world.client.send("POST", "threads/\(other.thread)/runs", body: #"{"assistant_id":"\#(other.assistant)"}"#)
        #expect(world.runs.workingCount == 1)
        world.dataPlane.reset()
        #expect(world.runs.workingCount == 0)
    }
}
