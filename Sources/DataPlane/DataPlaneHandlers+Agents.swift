import ARMCore
import EmulatorHTTP

/// The agent service's agents on the project endpoint (azure-ai-projects 2.x `project_client.agents`,
/// `api-version=v1`): versions created, read, listed and deleted, the agent's endpoint configuration
/// patched, enabled and disabled. Every answer is 200 (the SDK accepts nothing else) but `:enable`
/// and `:disable`, 204. Data actions `Microsoft.CognitiveServices/accounts/AIServices/agents/read|write|delete`
/// at the project (MicrosoftDocs/azure-ai-docs, disable-preview-features-with-rbac).
extension DataPlaneHandlers {
    /// A project route of the agent service that needs `agents/{action}` and no deployment.
    static func agentRoute(
        _ method: String, _ path: String, _ operationID: String, _ action: String, _ handler: @escaping DataPlaneRoute.Handler
    ) -> DataPlaneRoute {
        DataPlaneRoute(
            method, path, surface: .project, operationID: operationID, dataAction: agentActions + action, scope: .project,
            handler: handler)
    }

    static let agentActions = projectActions + "agents/"

    var agentRoutes: [DataPlaneRoute] {
        let collection = "api/projects/{projectName}/agents"
        let agent = collection + "/{agentName}"
        return [
            Self.agentRoute("GET", collection, "Agents_List", "read") { request in try listAgents(request) },
            Self.agentRoute("GET", agent, "Agents_Get", "read") { request in
                .json(200, try agents(request).agent(request.parameter("agentName")))
            },
            Self.agentRoute("PATCH", agent, "Agents_UpdateDetails", "write") { request in
                .json(200, try agents(request).update(request.parameter("agentName"), patch: request.body ?? .null))
            },
            Self.agentRoute("DELETE", agent, "Agents_Delete", "delete") { request in
                try Self.checkForce(request)
                return .json(200, try agents(request).delete(request.parameter("agentName")))
            },
            Self.agentRoute("POST", agent + ":enable", "Agents_Enable", "write") { request in
                try agents(request).setEnabled(request.parameter("agentName"), true)
                return DataPlaneAnswer(response: HTTPResponse(status: 204))
            },
            Self.agentRoute("POST", agent + ":disable", "Agents_Disable", "write") { request in
                try agents(request).setEnabled(request.parameter("agentName"), false)
                return DataPlaneAnswer(response: HTTPResponse(status: 204))
            },
            Self.agentRoute("POST", agent + "/versions", "Agents_CreateVersion", "write") { request in try createAgentVersion(request) },
            Self.agentRoute("GET", agent + "/versions", "Agents_ListVersions", "read") { request in
                .json(200, try CursorPage(query: request.query).page(agents(request).versions(request.parameter("agentName"))))
            },
            Self.agentRoute("GET", agent + "/versions/{agentVersion}", "Agents_GetVersion", "read") { request in
                .json(200, try agents(request).version(request.parameter("agentName"), request.parameter("agentVersion")))
            },
            Self.agentRoute("DELETE", agent + "/versions/{agentVersion}", "Agents_DeleteVersion", "delete") { request in
                try Self.checkForce(request)
                return .json(200, try agents(request).deleteVersion(request.parameter("agentName"), request.parameter("agentVersion")))
            },
        ]
    }

    func agents(_ request: DataPlaneRequest) throws -> ProjectAgents {
        ProjectAgents(store: store, project: try ProjectObjects.project(of: request), now: now())
    }

    func createAgentVersion(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let definition = try AgentDefinition(body: request.body ?? .null)
        let account = try request.requiredAccount
        guard store.contains(account.id.child(type: "deployments", name: definition.model)) else {
            throw DataPlaneError.agentInvalid(
                "Invalid 'definition.model': the account has no model deployment '\(definition.model)'.", param: "definition.model")
        }
        return .json(200, try agents(request).createVersion(name: request.parameter("agentName"), definition))
    }

    func listAgents(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let page = try CursorPage(query: request.query)
        return .json(200, page.page(try agents(request).list(kind: request.query["kind"])))
    }

    /// `force` (hosted agents' sessions; nothing to force for prompt agents) must be a boolean.
    static func checkForce(_ request: DataPlaneRequest) throws {
        guard let force = request.query["force"] else { return }
        guard ["true", "false"].contains(force.lowercased()) else {
            throw DataPlaneError.agentInvalid("Invalid 'force': expected true or false, got '\(force)'.", param: "force")
        }
    }
}
