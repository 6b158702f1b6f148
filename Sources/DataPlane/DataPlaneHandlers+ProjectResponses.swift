import ARMCore
import EmulatorHTTP
import JSON

/// The Responses API of the agent service on a project (`openai/v1/responses` and an agent's
/// endpoint): a response runs an agent (`agent_reference`, the endpoint's agent) or a plain `model`,
/// continues a `conversation` (its items are the history; input and output are appended) or a
/// `previous_response_id` chain, and is stored in the project unless `store` is false.
extension DataPlaneHandlers {
    var projectResponseRoutes: [DataPlaneRoute] {
        Self.agentProtocolBases.flatMap { base, agentParameter in
            let collection = base + "/responses"
            let response = collection + "/{responseId}"
            return [
                DataPlaneRoute(
                    "POST", collection, surface: .project, operationID: "Responses_Create", dataAction: Self.agentActions + "write",
                    scope: .project, deployment: .agent(pathParameter: agentParameter), capability: .responses
                ) { request in try await createProjectResponse(request) },
                Self.agentRoute("GET", response, "Responses_Get", "read") { request in
                    .json(200, try projectResponses(request).get(request.parameter("responseId")))
                },
                Self.agentRoute("DELETE", response, "Responses_Delete", "delete") { request in
                    .json(200, try projectResponses(request).delete(request.parameter("responseId")))
                },
                Self.agentRoute("GET", response + "/input_items", "Responses_ListInputItems", "read") { request in
                    let page = try CursorPage(query: request.query)
                    return .json(200, page.page(try projectResponses(request).inputItems(request.parameter("responseId"))))
                },
            ]
        }
    }

    func projectResponses(_ request: DataPlaneRequest) throws -> ProjectResponses {
        ProjectResponses(store: store, project: try ProjectObjects.project(of: request))
    }

    func createProjectResponse(_ request: DataPlaneRequest) async throws -> DataPlaneAnswer {
        guard var body = request.body?.objectValue else { throw DataPlaneError.internalError() }
        let responses = try projectResponses(request)
        let conversations = try self.conversations(request)
        let (conversationID, previous, input) = try Self.responseInput(body)
        let stored = body["store"]?.boolValue != false
        let history = try modelHistory(
            conversationID: conversationID, previous: previous, adding: input.count, responses: responses, conversations: conversations)
        if stored { try responses.checkRoom() }
        body["conversation"] = nil
        // The chain's request is one object filled in place: the model answers the body without `conversation`.
        request.body = .object(body)
        let answer = try await run(request, .responses, history: history)
        let stamp = ResponseStamp(agent: request.agent, conversationID: conversationID)
        let keep: @Sendable (JSONValue) -> Void = { response in
            if stored { try? responses.save(response, input: input, previous: previous) }
            if let conversationID {
                _ = try? conversations.append(conversationID, input + (response["output"]?.arrayValue ?? []))
            }
        }
        var wire = answer.dataPlaneAnswer
        if let stream = wire.response.stream {
            wire.response.stream = stamp.stream(stream, finished: keep)
        } else if let response = answer.body {
            let stamped = stamp.response(response)
            keep(stamped)
            wire = .json(200, stamped, promptTokens: answer.promptTokens, completionTokens: answer.completionTokens)
        }
        return wire
    }

    /// A Responses create's conversation, previous response and new input items, validated.
    static func responseInput(_ body: JSONObject) throws -> (conversationID: String?, previous: String?, input: [JSONValue]) {
        let conversationID = try conversationID(body["conversation"])
        let previous = body["previous_response_id"]?.stringValue
        if conversationID != nil, previous != nil {
            throw DataPlaneError.invalidRequest(
                "Mutually exclusive parameters: Ensure you are only providing one of: 'previous_response_id' or 'conversation'.",
                param: "conversation", code: "mutually_exclusive_parameters")
        }
        let input = try ProjectConversations.newItems(
            body["input"]?.stringValue.map { [["type": "message", "role": "user", "content": .string($0)]] } ?? body["input"],
            param: "input", limit: ProjectLimits.itemsPerConversation)
        return (conversationID, previous, input)
    }

    /// The items before the new input: the conversation's (which must have room for the input and
    /// the answer) or the previous response's chain. What the agent service adds to items is not the
    /// model's input: a forwarding backend gets plain Responses items.
    private func modelHistory(
        conversationID: String?, previous: String?, adding count: Int, responses: ProjectResponses, conversations: ProjectConversations
    ) throws -> [JSONValue] {
        var history: [JSONValue] = []
        if let conversationID {
            history = try conversations.items(conversationID)
            try conversations.checkRoom(conversationID, adding: count + 1)
        } else if let previous {
            history = try responses.history(previous)
        }
        return history.map { item in
            guard var object = item.objectValue else { return item }
            object["agent_reference"] = nil
            object["response_id"] = nil
            return .object(object)
        }
    }

    /// `conversation`: an id, or `{"id": ...}` (OpenAI API reference).
    static func conversationID(_ value: JSONValue?) throws -> String? {
        guard let value, !value.isNull else { return nil }
        if let id = value.stringValue ?? value["id"]?.stringValue, !id.isEmpty { return id }
        throw DataPlaneError.invalidRequest("Invalid 'conversation': expected a conversation id or {\"id\": ...}.", param: "conversation")
    }
}
