import ARMCore

/// OpenAI's Conversations API as the agent service serves it on a project: under the project's
/// `openai/v1` (`get_openai_client()`) and under an agent's endpoint
/// (`agents/{name}/endpoint/protocols/openai`, `get_openai_client(agent_name=)`). Conversations
/// belong to the project whichever path created them. Data actions (EMULATOR CHOICE,
/// docs/agents.md): the agent service's `agents/read|write|delete` by method.
extension DataPlaneHandlers {
    /// The OpenAI-shaped bases of the project endpoint, and the path parameter naming the agent.
    static let agentProtocolBases: [(path: String, agentParameter: String?)] = [
        ("api/projects/{projectName}/openai/v1", nil),
        ("api/projects/{projectName}/agents/{agentName}/endpoint/protocols/openai", "agentName"),
    ]

    var conversationRoutes: [DataPlaneRoute] {
        Self.agentProtocolBases.flatMap { base, _ in
            let collection = base + "/conversations"
            let conversation = collection + "/{conversationId}"
            return [
                Self.agentRoute("POST", collection, "Conversations_Create", "write") { request in
                    .json(200, try conversations(request).create(request.body ?? [:]))
                },
                Self.agentRoute("GET", conversation, "Conversations_Get", "read") { request in
                    .json(200, try conversations(request).get(request.parameter("conversationId")))
                },
                Self.agentRoute("POST", conversation, "Conversations_Update", "write") { request in
                    .json(200, try conversations(request).update(request.parameter("conversationId"), request.body ?? [:]))
                },
                Self.agentRoute("DELETE", conversation, "Conversations_Delete", "delete") { request in
                    .json(200, try conversations(request).delete(request.parameter("conversationId")))
                },
                Self.agentRoute("POST", conversation + "/items", "Conversations_CreateItems", "write") { request in
                    try createItems(request)
                },
                Self.agentRoute("GET", conversation + "/items", "Conversations_ListItems", "read") { request in
                    let page = try CursorPage(query: request.query)
                    return .json(200, page.page(try conversations(request).items(request.parameter("conversationId"))))
                },
                Self.agentRoute("GET", conversation + "/items/{itemId}", "Conversations_GetItem", "read") { request in
                    .json(
                        200, .object(try conversations(request).item(request.parameter("conversationId"), request.parameter("itemId")).body)
                    )
                },
                Self.agentRoute("DELETE", conversation + "/items/{itemId}", "Conversations_DeleteItem", "delete") { request in
                    .json(200, try conversations(request).deleteItem(request.parameter("conversationId"), request.parameter("itemId")))
                },
            ]
        }
    }

    func conversations(_ request: DataPlaneRequest) throws -> ProjectConversations {
        ProjectConversations(store: store, project: try ProjectObjects.project(of: request), now: now())
    }

    /// `POST /conversations/{id}/items` answers the added items as a list (OpenAI API reference).
    func createItems(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        guard request.body?["items"] != nil else {
            throw DataPlaneError.agentInvalid("Missing required parameter: 'items'.", param: "items")
        }
        let items = try ProjectConversations.newItems(request.body?["items"], param: "items")
        let added = try conversations(request).append(request.parameter("conversationId"), items)
        return .json(200, CursorPage.list(added))
    }
}
