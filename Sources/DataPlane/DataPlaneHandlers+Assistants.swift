import ARMCore
import JSON

/// Assistants-style agents on the project endpoint (azure-ai-agents 1.x `AgentsClient`, paths of
/// its `operations/_operations.py`): assistants, threads and messages. Every answer is 200, the
/// only status the SDK accepts. Data actions `Microsoft.CognitiveServices/accounts/AIServices/agents/read|write|delete`
/// (the names Azure reports, docs/agents.md).
extension DataPlaneHandlers {
    static let agentsRead = agentActions + "read"
    static let agentsWrite = agentActions + "write"
    static let agentsDelete = agentActions + "delete"

    var assistantRoutes: [DataPlaneRoute] {
        let project = "api/projects/{projectName}"
        return [
            Self.agentRoute("POST", project + "/assistants", "Assistants_Create", "write") { try createAssistant($0) },
            Self.agentRoute("GET", project + "/assistants", "Assistants_List", "read") {
                try listObjects($0, .assistant, under: try AgentStore.projectID($0))
            },
            Self.agentRoute("GET", project + "/assistants/{assistantId}", "Assistants_Get", "read") {
                try getObject($0, .assistant, "assistantId")
            },
            Self.agentRoute("POST", project + "/assistants/{assistantId}", "Assistants_Update", "write") { try updateAssistant($0) },
            Self.agentRoute("DELETE", project + "/assistants/{assistantId}", "Assistants_Delete", "delete") { try deleteAssistant($0) },
            Self.agentRoute("POST", project + "/threads", "Threads_Create", "write") { try createThread($0) },
            Self.agentRoute("GET", project + "/threads", "Threads_List", "read") {
                try listObjects($0, .thread, under: try AgentStore.projectID($0))
            },
            // Before `threads/{threadId}`: the same shape, and Azure's path for create-thread-and-run.
            Self.agentRoute("POST", project + "/threads/runs", "Threads_CreateAndRun", "write") { try createThreadAndRun($0) },
            Self.agentRoute("GET", project + "/threads/{threadId}", "Threads_Get", "read") { try getObject($0, .thread, "threadId") },
            Self.agentRoute("POST", project + "/threads/{threadId}", "Threads_Update", "write") { try updateThread($0) },
            Self.agentRoute("DELETE", project + "/threads/{threadId}", "Threads_Delete", "delete") { try deleteThread($0) },
            Self.agentRoute("POST", project + "/threads/{threadId}/messages", "Messages_Create", "write") { try createMessage($0) },
            Self.agentRoute("GET", project + "/threads/{threadId}/messages", "Messages_List", "read") { try listMessages($0) },
            Self.agentRoute("GET", project + "/threads/{threadId}/messages/{messageId}", "Messages_Get", "read") { try getMessage($0) },
            Self.agentRoute("POST", project + "/threads/{threadId}/messages/{messageId}", "Messages_Update", "write") {
                try updateMessage($0)
            },
        ]
    }

    /// The request's thread, or 404.
    func thread(_ request: DataPlaneRequest) throws -> StoredResource {
        try agents.require(.thread, try request.parameter("threadId"), under: try AgentStore.projectID(request))
    }

    func getObject(_ request: DataPlaneRequest, _ kind: AgentStore.Kind, _ parameter: String) throws -> DataPlaneAnswer {
        .json(200, .object(try agents.require(kind, try request.parameter(parameter), under: try AgentStore.projectID(request)).body))
    }

    func listObjects(_ request: DataPlaneRequest, _ kind: AgentStore.Kind, under parent: ResourceID) throws -> DataPlaneAnswer {
        .json(200, try AgentListPage.page(agents.children(kind, of: parent).map { .object($0.body) }, query: request.query))
    }

    /// The `model` of an assistant or run must name a deployment of the project's account.
    func checkModel(_ model: JSONValue?, _ request: DataPlaneRequest) throws {
        guard let name = model?.stringValue else { return }
        guard store.contains(try request.requiredAccount.id.child(type: "deployments", name: name)) else {
            throw DataPlaneError.modelNotResolved(name)
        }
    }

    func createAssistant(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let project = try AgentStore.projectID(request)
        let id = AgentStore.newID(.assistant)
        let body = try AssistantObject.create(request.body ?? [:], id: id, createdAt: agents.unixNow)
        try checkModel(body["model"], request)
        return .json(200, .object(try agents.create(.assistant, id: id, under: project, project: project, body: body).body))
    }

    func updateAssistant(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let stored = try agents.require(.assistant, try request.parameter("assistantId"), under: try AgentStore.projectID(request))
        var body = stored.body
        try AssistantObject.update(&body, with: request.body ?? [:])
        try checkModel(body["model"], request)
        return .json(200, .object(try agents.update(stored.id, kind: .assistant) { current, _ in current = body }.body))
    }

    func deleteAssistant(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let stored = try agents.require(.assistant, try request.parameter("assistantId"), under: try AgentStore.projectID(request))
        try store.delete(stored.id)
        return .json(200, AssistantObject.deleted(stored.id.name))
    }

    func createThread(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        .json(200, .object(try newThread(request.body ?? [:], request: request).body))
    }

    /// A thread and its initial `messages`, all validated before anything is stored.
    func newThread(_ body: JSONValue, request: DataPlaneRequest) throws -> StoredResource {
        let project = try AgentStore.projectID(request)
        let id = AgentStore.newID(.thread)
        let now = agents.unixNow
        let object = try ThreadObject.create(body, id: id, createdAt: now)
        let messages = try ThreadObject.initialMessages(body)
        let threadID = AgentStore.id(.thread, id, under: project)
        let bodies = try messages.map { message in
            let messageID = AgentStore.newID(.message)
            return (messageID, try ThreadMessageObject.create(message, id: messageID, thread: id, createdAt: now))
        }
        if agents.count(.message, in: project) + bodies.count > AgentLimits.messages {
            throw DataPlaneError.agentLimitReached(.message, limit: AgentLimits.messages)
        }
        let thread = try agents.create(.thread, id: id, under: project, project: project, body: object)
        for (messageID, message) in bodies {
            try agents.create(.message, id: messageID, under: threadID, project: project, body: message)
        }
        return thread
    }

    func updateThread(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let stored = try thread(request)
        var body = stored.body
        try ThreadObject.update(&body, with: request.body ?? [:])
        return .json(200, .object(try agents.update(stored.id, kind: .thread) { current, _ in current = body }.body))
    }

    /// The thread goes with its messages, runs and steps; its runs' tasks stop.
    func deleteThread(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let stored = try thread(request)
        agentRuns.stopAll(under: stored.id)
        store.removeAll(under: stored.id)
        return .json(200, ThreadObject.deleted(stored.id.name))
    }

    /// A thread's unfinished run (expired ones are settled first), if any.
    func activeRun(of thread: ResourceID) -> StoredResource? {
        agents.children(.run, of: thread).map(agentRuns.expireIfDue).last {
            ThreadRunObject.active.contains($0.body["status"]?.stringValue ?? "")
        }
    }

    func createMessage(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let project = try AgentStore.projectID(request)
        let thread = try thread(request)
        let id = AgentStore.newID(.message)
        let body = try ThreadMessageObject.create(request.body ?? [:], id: id, thread: thread.id.name, createdAt: agents.unixNow)
        if let run = activeRun(of: thread.id) { throw DataPlaneError.threadIsBusy(thread.id.name, run: run.id.name) }
        return .json(200, .object(try agents.create(.message, id: id, under: thread.id, project: project, body: body).body))
    }

    /// Newest first unless `order=asc`; `run_id` keeps the messages a run wrote.
    func listMessages(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let thread = try thread(request)
        var messages = agents.children(.message, of: thread.id).map { JSONValue.object($0.body) }
        if let run = request.query["run_id"], !run.isEmpty { messages = messages.filter { $0["run_id"]?.stringValue == run } }
        return .json(200, try AgentListPage.page(messages, query: request.query))
    }

    func getMessage(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        .json(200, .object(try agents.require(.message, try request.parameter("messageId"), under: try thread(request).id).body))
    }

    func updateMessage(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let stored = try agents.require(.message, try request.parameter("messageId"), under: try thread(request).id)
        var body = stored.body
        try ThreadMessageObject.update(&body, with: request.body ?? [:])
        return .json(200, .object(try agents.update(stored.id, kind: .message) { current, _ in current = body }.body))
    }
}
