import ARMCore
import Foundation
import JSON
import ModelInference

/// One step of a run's work: `in_progress`, one model call, then the reply (message creation
/// step, assistant message, `completed`) or the function calls (tool calls step,
/// `requires_action`). Streamed runs send each change as Azure's recorded stream does.
extension AgentRuns {
    /// What the model answered, in the run's terms.
    struct Reply {
        var text: String
        /// Chat tool calls: `{"id","type":"function","function":{"name","arguments"}}`.
        var toolCalls: [JSONValue]
        var promptTokens: Int
        var completionTokens: Int
    }

    /// A run's end in `failed`, with `last_error`.
    struct RunFailure: Error {
        var code: String
        var message: String
    }

    func execute(_ runID: ResourceID, account: ResourceID, sink: AgentEventSink?) async {
        let now = objects.unixNow
        guard
            let run = transition(
                runID, from: ["queued"],
                { body, _ in
                    body["status"] = "in_progress"
                    if body["started_at"]?.isNull ?? true { body["started_at"] = .int(Int64(now)) }
                })
        else {
            sink?.done()
            return
        }
        sink?.send("thread.run.in_progress", run.body)
        do {
            let rounds = run.privateState["rounds"]?.intValue ?? 0
            guard rounds < AgentLimits.maxModelRounds else {
                throw RunFailure(code: "server_error", message: "The run asked for tool outputs \(rounds) times without an answer.")
            }
            let reply = try await ask(run, account: account)
            try Task.checkCancellation()
            if reply.toolCalls.isEmpty {
                try complete(runID, reply, sink: sink)
            } else {
                try requireAction(runID, reply, sink: sink)
            }
        } catch is CancellationError {
            // `cancel` or a thread's deletion stopped the task; the canceller settles the run.
            if let run = objects.store.get(runID) { sink?.send("thread.run.\(run.body["status"]?.stringValue ?? "cancelling")", run.body) }
        } catch let failure as RunFailure {
            fail(runID, failure, sink: sink)
        } catch let error as DataPlaneError {
            fail(
                runID, RunFailure(code: "server_error", message: error.body["error"]?["message"]?.stringValue ?? "The run failed."),
                sink: sink)
        } catch {
            fail(runID, RunFailure(code: "server_error", message: "The run failed: \(error)"), sink: sink)
        }
        sink?.done()
    }

    /// One model call on the run's deployment, charged to its rate limits like any inference call.
    func ask(_ run: StoredResource, account: ResourceID) async throws -> Reply {
        let name = run.body["model"]?.stringValue ?? ""
        guard let deployment = objects.store.get(account.child(type: "deployments", name: name)) else {
            throw RunFailure(code: "server_error", message: "Failed to resolve model info for: '\(name)'.")
        }
        let body = chatBody(run, deployment: deployment.id.name)
        if let limiter {
            let charge = (try? ChatCompletionRequest(json: body)).map(Tokenizer.estimatedRateLimitTokens(for:)) ?? 0
            if case .failure(let refusal) = limiter.admit(
                deployment.id.key, limits: DeploymentRateLimits(deployment: deployment), tokens: charge)
            {
                usage.record(deployment.id, status: 429, promptTokens: 0, completionTokens: 0)
                throw Self.rateLimited(seconds: refusal.retryAfterSeconds)
            }
        }
        let model = deployment.body["properties"]?["model"]
        let call = ModelCall(
            operation: .chatCompletions, deployment: deployment.id.name, model: model?["name"]?.stringValue ?? deployment.id.name,
            modelVersion: model?["version"]?.stringValue ?? "", body: body, created: objects.unixNow)
        let answer: ModelAnswer
        do {
            answer = try await models.answer(call)
        } catch let error as DataPlaneError {
            usage.record(deployment.id, status: error.status, promptTokens: 0, completionTokens: 0)
            if error.status == 429 {
                throw Self.rateLimited(seconds: error.headers.first { $0.0.lowercased() == "retry-after" }.flatMap { Double($0.1) } ?? 60)
            }
            throw RunFailure(code: "server_error", message: error.body["error"]?["message"]?.stringValue ?? "The model failed.")
        }
        usage.record(deployment.id, status: 200, promptTokens: answer.promptTokens, completionTokens: answer.completionTokens)
        let message = answer.body?["choices"]?[0]?["message"]
        return Reply(
            text: message?["content"]?.stringValue ?? "", toolCalls: message?["tool_calls"]?.arrayValue ?? [],
            promptTokens: answer.promptTokens, completionTokens: answer.completionTokens)
    }

    /// How Azure fails a throttled run: `last_error` `rate_limit_exceeded`, "Rate limit is
    /// exceeded. Try again in N seconds." (a failed run reported in danny-avila/LibreChat#6728).
    static func rateLimited(seconds: Double) -> RunFailure {
        RunFailure(
            code: "rate_limit_exceeded", message: "Rate limit is exceeded. Try again in \(max(1, Int(seconds.rounded(.up)))) seconds.")
    }

    /// The chat the model reads: the instructions, the thread's messages in order, then this
    /// run's earlier function calls with the outputs the client submitted.
    func chatBody(_ run: StoredResource, deployment: String) -> JSONValue {
        var messages: [JSONValue] = []
        if let instructions = run.body["instructions"]?.stringValue, !instructions.isEmpty {
            messages.append(["role": "system", "content": .string(instructions)])
        }
        if let thread = run.id.parent {
            for message in objects.children(.message, of: thread) {
                let text = ThreadMessageObject.text(of: message.body)
                guard !text.isEmpty, let role = message.body["role"]?.stringValue else { continue }
                messages.append(["role": .string(role), "content": .string(text)])
            }
        }
        for round in run.privateState["toolRounds"]?.arrayValue ?? [] {
            messages.append(["role": "assistant", "content": .null, "tool_calls": round["calls"] ?? []])
            for output in round["outputs"]?.arrayValue ?? [] {
                messages.append(["role": "tool", "tool_call_id": output["tool_call_id"] ?? "", "content": output["output"] ?? ""])
            }
        }
        // An empty thread without instructions still runs on Azure (its own system prompt is always
        // there); chat needs at least one message.
        if messages.isEmpty { messages.append(["role": "system", "content": ""]) }
        var body: JSONObject = ["model": .string(deployment), "messages": .array(messages)]
        let functions = (run.body["tools"]?.arrayValue ?? []).filter { $0["type"]?.stringValue == "function" }
        if !functions.isEmpty {
            body["tools"] = .array(functions.map { ["type": "function", "function": $0["function"] ?? [:]] })
            if let choice = run.body["tool_choice"], choice.stringValue != nil || choice["type"]?.stringValue == "function" {
                body["tool_choice"] = choice
            }
        }
        for name in ["temperature", "top_p"] where run.body[name]?.doubleValue != nil { body[name] = run.body[name] }
        return .object(body)
    }

    /// The reply: a message creation step, the assistant message (streamed in pieces), `completed`.
    func complete(_ runID: ResourceID, _ reply: Reply, sink: AgentEventSink?) throws {
        guard let run = objects.store.get(runID), let thread = runID.parent, let project = thread.parent else { return }
        let now = objects.unixNow
        let messageID = AgentStore.newID(.message)
        let stepID = AgentStore.newID(.step)
        let step = try objects.create(
            .step, id: stepID, under: runID, project: project,
            body: RunStepObject.create(id: stepID, run: run.body, createdAt: now, details: RunStepObject.messageCreation(messageID)))
        sink?.send("thread.run.step.created", step.body)
        sink?.send("thread.run.step.in_progress", step.body)
        let assistant = run.body["assistant_id"]?.stringValue ?? ""
        let message = try objects.create(
            .message, id: messageID, under: thread, project: project,
            body: ThreadMessageObject.reply(id: messageID, thread: thread.name, run: runID.name, assistant: assistant, createdAt: now))
        sink?.send("thread.message.created", message.body)
        sink?.send("thread.message.in_progress", message.body)
        if let sink {
            for piece in Self.chunks(of: reply.text) {
                sink.send("thread.message.delta", ThreadMessageObject.delta(id: messageID, text: piece))
            }
        }
        let text: JSONValue = ["type": "text", "text": ["value": .string(reply.text), "annotations": []]]
        let written = try objects.update(message.id, kind: .message) { body, _ in
            body["status"] = "completed"
            body["completed_at"] = .int(Int64(now))
            body["content"] = [text]
        }
        sink?.send("thread.message.completed", written.body)
        let finished = try objects.update(step.id, kind: .step) { body, _ in
            body["status"] = "completed"
            body["completed_at"] = .int(Int64(now))
            body["usage"] = RunStepObject.usage(prompt: reply.promptTokens, completion: reply.completionTokens)
        }
        sink?.send("thread.run.step.completed", finished.body)
        guard
            let done = transition(
                runID, from: ["in_progress"],
                { body, state in
                    let (prompt, completion) = Self.addUsage(&state, reply)
                    body["status"] = "completed"
                    body["completed_at"] = .int(Int64(now))
                    body["usage"] = ThreadRunObject.usage(prompt: prompt, completion: completion)
                })
        else { return }
        sink?.send("thread.run.completed", done.body)
    }

    /// The function calls: a tool calls step and `requires_action` with the calls to answer.
    func requireAction(_ runID: ResourceID, _ reply: Reply, sink: AgentEventSink?) throws {
        guard let run = objects.store.get(runID), let project = runID.parent?.parent else { return }
        let now = objects.unixNow
        let calls: [JSONValue] = reply.toolCalls.map { call in
            [
                "id": call["id"] ?? .string("call_" + AgentStore.newID(.run).dropFirst(4)), "type": "function",
                "function": ["name": call["function"]?["name"] ?? "", "arguments": call["function"]?["arguments"] ?? "{}"],
            ]
        }
        let stepID = AgentStore.newID(.step)
        let step = try objects.create(
            .step, id: stepID, under: runID, project: project,
            body: RunStepObject.create(id: stepID, run: run.body, createdAt: now, details: RunStepObject.toolCalls(calls)))
        sink?.send("thread.run.step.created", step.body)
        sink?.send("thread.run.step.in_progress", step.body)
        guard
            let waiting = transition(
                runID, from: ["in_progress"],
                { body, state in
                    _ = Self.addUsage(&state, reply)
                    state["pendingCalls"] = .array(calls)
                    state["pendingStep"] = .string(stepID)
                    body["status"] = "requires_action"
                    body["required_action"] = ThreadRunObject.requiredAction(calls)
                })
        else { return }
        sink?.send("thread.run.requires_action", waiting.body)
    }

    /// Adds a call's tokens to the run's totals (kept in its private state); the new totals.
    static func addUsage(_ state: inout JSONObject, _ reply: Reply) -> (Int, Int) {
        let prompt = (state["promptTokens"]?.intValue ?? 0) + reply.promptTokens
        let completion = (state["completionTokens"]?.intValue ?? 0) + reply.completionTokens
        state["promptTokens"] = .int(Int64(prompt))
        state["completionTokens"] = .int(Int64(completion))
        state["rounds"] = .int(Int64((state["rounds"]?.intValue ?? 0) + 1))
        return (prompt, completion)
    }

    /// The reply's text in `thread.message.delta` pieces of a few tokens each.
    static func chunks(of text: String) -> [String] {
        let pieces = Tokenizer.pieces(of: text)
        return stride(from: 0, to: pieces.count, by: 4).map { pieces[$0..<min($0 + 4, pieces.count)].joined() }
    }
}
