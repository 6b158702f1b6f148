import ARMCore
import Authorization

/// Fourth step (with a token only: a key grants everything on its account): the route's data
/// action must be granted to the caller at the route's scope by the RBAC engine, the same engine
/// and assignments as the control plane. Owner and Contributor hold no data actions, so an Owner
/// without e.g. Cognitive Services OpenAI User gets the service's 401 PermissionDenied.
struct DataActionMiddleware: DataPlaneStep {
    let evaluator: AccessEvaluator

    func prepare(_ request: DataPlaneRequest) throws {
        guard let caller = request.credential?.caller, let route = request.route else { return }
        let scope = try Self.scope(of: request, route: route)
        let decision = evaluator.decide(principalId: caller.objectId, action: route.dataAction, isDataAction: true, scope: scope)
        guard decision.allowed else {
            // The project endpoint (the agent service) names what is missing; Azure OpenAI does not.
            guard route.surface == .project else { throw DataPlaneError.permissionDenied() }
            throw DataPlaneError.lacksDataAction(
                principal: caller.objectId, action: route.dataAction, operation: "\(route.method) /\(route.path)")
        }
    }

    /// The account, one of its deployments (named by the path or the body's `model`), or a project.
    static func scope(of request: DataPlaneRequest, route: DataPlaneRoute) throws -> ResourceID {
        let account = try request.requiredAccount.id
        switch route.scope {
        case .account:
            return account
        case .project:
            return account.child(type: "projects", name: try request.parameter("projectName"))
        case .deployment:
            guard let name = DeploymentMiddleware.requestedName(request, source: route.deploymentSource) else { return account }
            return account.child(type: "deployments", name: name)
        }
    }
}
