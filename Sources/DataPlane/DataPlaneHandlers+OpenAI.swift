import ARMCore

/// The Azure OpenAI routes: the classic ones under `/openai/deployments/{deploymentId}` (openai's
/// `AzureOpenAI`, azure-ai-inference on a deployment endpoint) and the v1 API under `/openai/v1`
/// (openai's `OpenAI` with `base_url`), on an account or under a Foundry project
/// (azure-ai-projects' `get_openai_client()`). Data actions: learn.microsoft.com built-in roles,
/// "Cognitive Services OpenAI User".
extension DataPlaneHandlers {
    static let openAIActions = "Microsoft.CognitiveServices/accounts/OpenAI/"

    var openAIRoutes: [DataPlaneRoute] {
        let deployment = "openai/deployments/{deploymentId}"
        return [
            DataPlaneRoute(
                "POST", deployment + "/chat/completions", surface: .classic, operationID: "ChatCompletions_Create",
                dataAction: Self.openAIActions + "deployments/chat/completions/action", scope: .deployment,
                deployment: .path("deploymentId"), capability: .chatCompletion
            ) { request in try await run(request, .chatCompletions).dataPlaneAnswer },
            DataPlaneRoute(
                "POST", deployment + "/completions", surface: .classic, operationID: "Completions_Create",
                dataAction: Self.openAIActions + "deployments/completions/action", scope: .deployment,
                deployment: .path("deploymentId"), capability: .completion
            ) { request in try await run(request, .completions).dataPlaneAnswer },
            DataPlaneRoute(
                "POST", deployment + "/embeddings", surface: .classic, operationID: "embeddings_create",
                dataAction: Self.openAIActions + "deployments/embeddings/action", scope: .deployment,
                deployment: .path("deploymentId"), capability: .embeddings
            ) { request in try await run(request, .embeddings).dataPlaneAnswer },
            // azure-ai-inference's `get_model_info()` on an Azure OpenAI deployment endpoint.
            DataPlaneRoute(
                "GET", deployment + "/info", surface: .classic, operationID: "GetModelInfo",
                dataAction: Self.openAIActions + "deployments/read", scope: .deployment, deployment: .path("deploymentId")
            ) { request in try modelInfo(request) },
            DataPlaneRoute(
                "GET", "openai/models", surface: .classic, operationID: "Models_List",
                dataAction: Self.openAIActions + "models/read", scope: .account
            ) { request in try listModels(request) },
            DataPlaneRoute(
                "GET", "openai/models/{modelId}", surface: .classic, operationID: "Models_Get",
                dataAction: Self.openAIActions + "models/read", scope: .account
            ) { request in try getModel(request) },
        ]
    }

    /// The v1 routes; `prefix` puts them under a project. The deployment is the body's `model`.
    func v1Routes(prefix: String, surface: DataPlaneRoute.Surface, scope: DataPlaneRoute.Scope) -> [DataPlaneRoute] {
        let base = prefix.isEmpty ? "openai/v1" : prefix + "/openai/v1"
        let modelScope: DataPlaneRoute.Scope = scope == .project ? .project : .account
        return [
            DataPlaneRoute(
                "POST", base + "/chat/completions", surface: surface, operationID: "ChatCompletions_Create",
                dataAction: Self.openAIActions + "deployments/chat/completions/action", scope: scope, deployment: .bodyModel,
                capability: .chatCompletion
            ) { request in try await run(request, .chatCompletions).dataPlaneAnswer },
            DataPlaneRoute(
                "POST", base + "/completions", surface: surface, operationID: "Completions_Create",
                dataAction: Self.openAIActions + "deployments/completions/action", scope: scope, deployment: .bodyModel,
                capability: .completion
            ) { request in try await run(request, .completions).dataPlaneAnswer },
            DataPlaneRoute(
                "POST", base + "/embeddings", surface: surface, operationID: "embeddings_create",
                dataAction: Self.openAIActions + "deployments/embeddings/action", scope: scope, deployment: .bodyModel,
                capability: .embeddings
            ) { request in try await run(request, .embeddings).dataPlaneAnswer },
            // EMULATOR CHOICE (docs/dataplane.md): creating a response is a chat inference, so it
            // takes the chat completions data action that Cognitive Services OpenAI User holds.
            DataPlaneRoute(
                "POST", base + "/responses", surface: surface, operationID: "Responses_Create",
                dataAction: Self.openAIActions + "deployments/chat/completions/action", scope: scope, deployment: .bodyModel,
                capability: .responses
            ) { request in try await createResponse(request) },
            DataPlaneRoute(
                "GET", base + "/responses/{responseId}", surface: surface, operationID: "Responses_Get",
                dataAction: Self.openAIActions + "responses/read", scope: modelScope
            ) { request in try getResponse(request) },
            DataPlaneRoute(
                "DELETE", base + "/responses/{responseId}", surface: surface, operationID: "Responses_Delete",
                dataAction: Self.openAIActions + "responses/delete", scope: modelScope
            ) { request in try deleteResponse(request) },
            DataPlaneRoute(
                "GET", base + "/models", surface: surface, operationID: "Models_List", dataAction: Self.openAIActions + "models/read",
                scope: modelScope
            ) { request in try listModels(request) },
            DataPlaneRoute(
                "GET", base + "/models/{modelId}", surface: surface, operationID: "Models_Get",
                dataAction: Self.openAIActions + "models/read", scope: modelScope
            ) { request in try getModel(request) },
        ]
    }
}
