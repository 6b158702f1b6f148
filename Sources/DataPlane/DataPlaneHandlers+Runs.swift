import ARMCore
import JSON

/// Runs and run steps of Assistants-style agents (azure-ai-agents 1.x): a run answers `queued` at
/// once and works in the background (`AgentRuns`); with `"stream": true` the answer is the run's
/// events as they happen (`AgentEventSink`).
extension DataPlaneHandlers {
    var runRoutes: [DataPlaneRoute] {
        let runs = "api/projects/{projectName}/threads/{threadId}/runs"
        return [
            Self.agentRoute("POST", runs + "", "Runs_Create", "write") { try createRun($0) },
            Self.agentRoute("GET", runs + "", "Runs_List", "read") { try listRuns($0) },
            Self.agentRoute("GET", runs + "/{runId}", "Runs_Get", "read") { .json(200, .object(try run($0).body)) },
            Self.agentRoute("POST", runs + "/{runId}", "Runs_Update", "write") { try updateRun($0) },
            Self.agentRoute("POST", runs + "/{runId}/submit_tool_outputs", "Runs_SubmitToolOutputs", "write") { try submitToolOutputs($0) },
            Self.agentRoute("POST", runs + "/{runId}/cancel", "Runs_Cancel", "write") { try cancelRun($0) },
            Self.agentRoute("GET", runs + "/{runId}/steps", "RunSteps_List", "read") { try listObjects($0, .step, under: try run($0).id) },
            Self.agentRoute("GET", runs + "/{runId}/steps/{stepId}", "RunSteps_Get", "read") {
                .json(200, .object(try agents.require(.step, try $0.parameter("stepId"), under: try run($0).id).body))
            },
        ]
    }

    /// The request's run (expired first if it waited too long), or 404.
    func run(_ request: DataPlaneRequest) throws -> StoredResource {
        agentRuns.expireIfDue(try agents.require(.run, try request.parameter("runId"), under: try thread(request).id))
    }

    func createRun(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        try startRun(request, body: request.body ?? [:], thread: try thread(request), newThread: nil)
    }

    /// `POST threads/runs`: a thread from `thread` (messages, metadata, tool_resources), then a run
    /// on it; a stream starts with `thread.created`.
    func createThreadAndRun(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let body = request.body ?? [:]
        let project = try AgentStore.projectID(request)
        // Checked before the thread is stored, so a bad run body leaves nothing behind.
        let assistant = try agents.require(.assistant, try AgentFields.requiredString(body, "assistant_id"), under: project)
        let probe = try ThreadRunObject.create(body, assistant: assistant.body, id: "", thread: "", createdAt: 0)
        try checkModel(probe["model"], request)
        let thread = try newThread(body["thread"] ?? [:], request: request)
        return try startRun(request, body: body, thread: thread, newThread: thread.body)
    }

    func startRun(_ request: DataPlaneRequest, body: JSONValue, thread: StoredResource, newThread: JSONObject?) throws -> DataPlaneAnswer {
        let project = try AgentStore.projectID(request)
        let account = try request.requiredAccount.id
        let assistant = try agents.require(.assistant, try AgentFields.requiredString(body, "assistant_id"), under: project)
        let stream = try AgentFields.optionalBool(body, "stream") ?? false
        let now = agents.unixNow
        let id = AgentStore.newID(.run)
        let object = try ThreadRunObject.create(body, assistant: assistant.body, id: id, thread: thread.id.name, createdAt: now)
        try checkModel(object["model"], request)
        let additional = try (body["additional_messages"]?.arrayValue ?? []).map { message in
            let messageID = AgentStore.newID(.message)
            return (messageID, try ThreadMessageObject.create(message, id: messageID, thread: thread.id.name, createdAt: now))
        }
        if let active = activeRun(of: thread.id) { throw DataPlaneError.threadHasActiveRun(thread.id.name, run: active.id.name) }
        for (messageID, message) in additional {
            try agents.create(.message, id: messageID, under: thread.id, project: project, body: message)
        }
        let run = try agents.create(.run, id: id, under: thread.id, project: project, body: object)
        guard stream else {
            agentRuns.start(run.id, account: account, sink: nil)
            return .json(200, .object(run.body))
        }
        let (sink, events) = AgentEventSink.make()
        if let newThread { sink.send("thread.created", newThread) }
        sink.send("thread.run.created", run.body)
        sink.send("thread.run.queued", run.body)
        agentRuns.start(run.id, account: account, sink: sink)
        return AgentEventSink.answer(events)
    }

    func listRuns(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let runs = agents.children(.run, of: try thread(request).id).map(agentRuns.expireIfDue).map { JSONValue.object($0.body) }
        return .json(200, try AgentListPage.page(runs, query: request.query))
    }

    /// Only `metadata` changes (OpenAI Assistants API reference, modify run).
    func updateRun(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let stored = try run(request)
        let metadata = try AgentFields.metadata(request.body ?? [:])
        return .json(
            200, .object(try agents.update(stored.id, kind: .run) { body, _ in if let metadata { body["metadata"] = metadata } }.body))
    }

    /// Tool outputs move the run on: the same task machinery continues it, streamed when asked
    /// (the stream starts with the completed tool calls step, then `queued`).
    func submitToolOutputs(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let stored = try run(request)
        let body = request.body ?? [:]
        let stream = try AgentFields.optionalBool(body, "stream") ?? false
        let (run, step) = try agentRuns.submitToolOutputs(stored.id, outputs: body)
        let account = try request.requiredAccount.id
        guard stream else {
            agentRuns.start(run.id, account: account, sink: nil)
            return .json(200, .object(run.body))
        }
        let (sink, events) = AgentEventSink.make()
        if let step { sink.send("thread.run.step.completed", step.body) }
        sink.send("thread.run.queued", run.body)
        agentRuns.start(run.id, account: account, sink: sink)
        return AgentEventSink.answer(events)
    }

    func cancelRun(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        .json(200, .object(try agentRuns.cancel(try run(request).id).body))
    }
}
