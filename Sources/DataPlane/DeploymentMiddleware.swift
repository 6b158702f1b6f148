import ARMCore

/// Fifth step: the Foundry project (project routes) and the deployment the call runs on, which
/// must exist, be provisioned, and have a model that can do the route's operation.
struct DeploymentMiddleware: DataPlaneStep {
    static let deploymentType = "Microsoft.CognitiveServices/accounts/deployments"
    let store: ResourceStore
    let ids = DeploymentIDs()

    func prepare(_ request: DataPlaneRequest) throws {
        guard let route = request.route else { return }
        let account = try request.requiredAccount
        if let project = request.parameters["projectName"], !store.contains(account.id.child(type: "projects", name: project)) {
            throw DataPlaneError.projectResourceNotFound("Project", project)
        }
        if case .none = route.deploymentSource { return }
        guard let name = Self.requestedName(request, source: route.deploymentSource) else {
            if case .queryModel = route.deploymentSource, let only = soleDeployment(of: account.id) {
                request.deployment = only
                return
            }
            throw DataPlaneError.missingModel()
        }
        guard let deployment = store.get(ids.id(account: account.id, name: name)) else {
            throw DataPlaneError.deploymentNotFound()
        }
        switch deployment.body["properties"]?["provisioningState"]?.stringValue ?? "Succeeded" {
        case "Succeeded", "Updating": break
        case "Failed", "Canceled": throw DataPlaneError.deploymentNotReady(deployment.id.name, state: "Failed")
        default: throw DataPlaneError.deploymentNotFound()  // Creating, Accepted, Deleting
        }
        if let capability = route.capability, !Self.can(deployment, capability) {
            throw DataPlaneError.operationNotSupported(capability.operationName, deployment: deployment.id.name)
        }
        request.deployment = deployment
    }

    private func soleDeployment(of account: ResourceID) -> StoredResource? {
        let all = store.children(of: account, type: Self.deploymentType)
        return all.count == 1 ? all[0] : nil
    }

    /// The deployment name a request asks for: a path parameter, the body's `model`, or the
    /// `model` query parameter.
    static func requestedName(_ request: DataPlaneRequest, source: DataPlaneRoute.DeploymentSource) -> String? {
        switch source {
        case .none: return nil
        case .path(let parameter): return request.parameters[parameter]
        case .bodyModel, .agent: return request.body?["model"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        case .queryModel: return request.query["model"].flatMap { $0.isEmpty ? nil : $0 }
        }
    }

    /// The catalog's capabilities, copied onto the deployment by the control plane. The Responses
    /// API runs on any chat model (EMULATOR CHOICE where the catalog does not say `responses`).
    static func can(_ deployment: StoredResource, _ capability: DataPlaneRoute.Capability) -> Bool {
        let capabilities = deployment.body["properties"]?["capabilities"]
        func flag(_ name: String) -> Bool { capabilities?[name]?.stringValue?.lowercased() == "true" }
        switch capability {
        case .chatCompletion: return flag("chatCompletion")
        case .completion: return flag("completion")
        case .embeddings: return flag("embeddings")
        case .responses: return flag("responses") || flag("chatCompletion")
        }
    }
}
