/// Azure AI model inference on `{account}.services.ai.azure.com/models` (azure-ai-inference's
/// `ChatCompletionsClient`/`EmbeddingsClient`): routes on the body's `model`, the deployment
/// name, case-insensitively (learn.microsoft.com/azure/ai-foundry/foundry-models/how-to/inference).
/// EMULATOR CHOICE (docs/dataplane.md): the same data actions as the Azure OpenAI routes.
extension DataPlaneHandlers {
    var modelInferenceRoutes: [DataPlaneRoute] {
        [
            DataPlaneRoute(
                "POST", "models/chat/completions", surface: .modelInference, operationID: "ChatCompletions_Create",
                dataAction: Self.openAIActions + "deployments/chat/completions/action", scope: .deployment, deployment: .bodyModel,
                capability: .chatCompletion
            ) { request in try await run(request, .chatCompletions).dataPlaneAnswer },
            DataPlaneRoute(
                "POST", "models/embeddings", surface: .modelInference, operationID: "embeddings_create",
                dataAction: Self.openAIActions + "deployments/embeddings/action", scope: .deployment, deployment: .bodyModel,
                capability: .embeddings
            ) { request in try await run(request, .embeddings).dataPlaneAnswer },
            DataPlaneRoute(
                "GET", "models/info", surface: .modelInference, operationID: "GetModelInfo",
                dataAction: Self.openAIActions + "deployments/read", scope: .deployment, deployment: .queryModel
            ) { request in try modelInfo(request) },
        ]
    }
}
