import ARMCore

/// Models and model info: the catalog of the account's kind and region, and what a deployment runs.
extension DataPlaneHandlers {
    func accountModels(_ request: DataPlaneRequest) throws -> [CatalogModel] {
        let account = try request.requiredAccount
        return catalog(account.body["kind"]?.stringValue ?? "OpenAI", account.body["location"]?.stringValue ?? "")
    }

    func listModels(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        .json(200, ModelListing.list(try accountModels(request)))
    }

    func getModel(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let wanted = try request.parameter("modelId").lowercased()
        guard let model = try accountModels(request).first(where: { ModelListing.id(of: $0).lowercased() == wanted }) else {
            throw DataPlaneError.resourceNotFound()
        }
        return .json(200, ModelListing.json(model))
    }

    /// azure-ai-inference `ModelInfo`: `model_name`, `model_type`, `model_provider_name`.
    func modelInfo(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        guard let deployment = request.deployment else { throw DataPlaneError.internalError() }
        let model = deployment.body["properties"]?["model"]
        let capabilities = deployment.body["properties"]?["capabilities"]
        let type = capabilities?["embeddings"]?.stringValue == "true" ? "embeddings" : "chat-completion"
        return .json(
            200,
            [
                "model_name": .string(model?["name"]?.stringValue ?? deployment.id.name), "model_type": .string(type),
                "model_provider_name": .string(model?["format"]?.stringValue ?? "OpenAI"),
            ])
    }
}
