import ARMCore

/// Where the agent service's objects live: in the resource store, below the project's ARM id
/// (`{project}/agents/{name}`, `{project}/agents/{name}/versions/{v}`, `{project}/conversations/{id}`,
/// `{project}/conversations/{id}/items/{n}`, `{project}/responses/{id}`). So they are written to
/// `--data-dir`, exported by `/_emulator/state`, removed with their project (its cascade takes
/// everything below it) and by `/_emulator/reset`. No provider registration declares these types,
/// so ARM never lists them nor routes to them (docs/agents.md, "Where agent state lives").
enum ProjectObjects {
    static let agentType = "Microsoft.CognitiveServices/accounts/projects/agents"
    static let versionType = "Microsoft.CognitiveServices/accounts/projects/agents/versions"
    static let conversationType = "Microsoft.CognitiveServices/accounts/projects/conversations"
    static let itemType = "Microsoft.CognitiveServices/accounts/projects/conversations/items"
    static let responseType = "Microsoft.CognitiveServices/accounts/projects/responses"

    /// The project a request addresses (the route has `{projectName}`; the chain checked it exists).
    static func project(of request: DataPlaneRequest) throws -> ResourceID {
        try request.requiredAccount.id.child(type: "projects", name: try request.parameter("projectName"))
    }

    static func agent(_ project: ResourceID, _ name: String) -> ResourceID { project.child(type: "agents", name: name) }

    static func version(_ project: ResourceID, _ name: String, _ version: String) -> ResourceID {
        agent(project, name).child(type: "versions", name: version)
    }

    static func conversation(_ project: ResourceID, _ id: String) -> ResourceID { project.child(type: "conversations", name: id) }

    static func response(_ project: ResourceID, _ id: String) -> ResourceID { project.child(type: "responses", name: id) }
}
