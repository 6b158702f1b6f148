import ARMCore
import Foundation
import JSON

/// The data plane's route table and its short handlers; the work happens in the model layer
/// (`ModelService`) and in the bodies built by the model files.
package struct DataPlaneHandlers: Sendable {
    package let store: ResourceStore
    package let models: ModelService
    package let catalog: ModelCatalogLookup
    package let responses: StoredResponses
    /// Assistants-style agents: their objects in the store and their runs' tasks.
    package let agentRuns: AgentRuns
    var agents: AgentStore { agentRuns.objects }
    let now: @Sendable () -> Date

    package init(
        store: ResourceStore, models: ModelService, catalog: @escaping ModelCatalogLookup, responses: StoredResponses = StoredResponses(),
        agentRuns: AgentRuns? = nil, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = store
        self.models = models
        self.catalog = catalog
        self.responses = responses
        self.agentRuns =
            agentRuns ?? AgentRuns(objects: AgentStore(store: store, now: now), models: models, limiter: nil, usage: UsageCounters())
        self.now = now
    }

    package var routes: [DataPlaneRoute] {
        openAIRoutes + v1Routes(prefix: "", surface: .v1, scope: .deployment) + modelInferenceRoutes + projectRoutes + agentRoutes
            + conversationRoutes + projectResponseRoutes
            // A project's responses are the agent service's (`projectResponseRoutes`), stored in the project.
            + v1Routes(prefix: "api/projects/{projectName}", surface: .project, scope: .project).filter { !$0.path.contains("/responses") }
            + assistantRoutes + runRoutes + agentFileRoutes
    }

    /// Runs a model call on the request's deployment.
    nonisolated(nonsending) func run(
        _ request: DataPlaneRequest, _ operation: ModelCall.Operation, history: [JSONValue] = []
    ) async throws
        -> ModelAnswer
    {
        guard let deployment = request.deployment, let body = request.body else { throw DataPlaneError.internalError() }
        let model = deployment.body["properties"]?["model"]
        let call = ModelCall(
            operation: operation, deployment: deployment.id.name, model: model?["name"]?.stringValue ?? deployment.id.name,
            modelVersion: model?["version"]?.stringValue ?? "", body: body, history: history,
            created: Int(now().timeIntervalSince1970))
        return try await models.answer(call)
    }

    /// `scheme://host/dataplane/{host}/` of the request, for absolute links.
    static func base(of request: DataPlaneRequest) -> String {
        "\(request.http.baseURL)/dataplane/\(request.host)/"
    }
}
