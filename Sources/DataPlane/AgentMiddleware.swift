import ARMCore
import Foundation

/// Between the data action and the deployment, on Responses routes of the project endpoint: the
/// agent a call addresses (the agent endpoint's path, else the body's `agent_reference`, or `agent`
/// as azure-ai-projects sent it up to 2.0.0b4) becomes the call's model deployment, instructions
/// and tools, so the deployment's checks, usage counters and rate limits apply to agents as to any
/// model call. A body without an agent keeps its `model`.
struct AgentMiddleware: DataPlaneStep {
    let store: ResourceStore

    func prepare(_ request: DataPlaneRequest) throws {
        guard let route = request.route, case .agent(let pathParameter) = route.deploymentSource, var body = request.body?.objectValue
        else { return }
        let fromPath = pathParameter.flatMap { request.parameters[$0] }
        let reference = body["agent_reference"] ?? body["agent"]
        var name = fromPath
        var version: String?
        if name == nil, let reference, !reference.isNull {
            let param = body["agent_reference"] != nil ? "agent_reference" : "agent"
            guard let referenced = reference["name"]?.stringValue, !referenced.isEmpty else {
                throw DataPlaneError.agentInvalid("Missing required parameter: '\(param).name'.", param: param + ".name")
            }
            name = referenced
            version = reference["version"]?.stringValue
        }
        body["agent_reference"] = nil
        body["agent"] = nil
        guard let name else {
            request.body = .object(body)
            return
        }
        let agents = ProjectAgents(store: store, project: try ProjectObjects.project(of: request), now: Date())
        let agent = try agents.resolve(name, version: version, useEndpoint: fromPath != nil)
        let definition = agent["definition"]?.objectValue ?? [:]
        for tool in definition["tools"]?.arrayValue ?? [] where tool["type"]?.stringValue != "function" {
            throw DataPlaneError.notServedYet("The tool kind '\(tool["type"]?.stringValue ?? "")' of agent '\(name)'")
        }
        body["model"] = definition["model"]
        body["instructions"] = definition["instructions"]
        body["tools"] = definition["tools"]
        for key in ["temperature", "top_p", "tool_choice", "text"] where body[key] == nil {
            body[key] = definition[key]
        }
        request.body = .object(body)
        request.agent = agent
    }
}
