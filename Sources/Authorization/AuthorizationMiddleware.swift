import ARMCore

/// The ARM pipeline's authorization step, right after route match (docs/architecture.md "A request's way"):
/// the matched route's `action` must be granted to the caller at the request's scope, else 403
/// `AuthorizationFailed` with ARM's exact message (docs/azure-behaviours.md "Denials"). Routes without an action (listing
/// subscriptions and tenants, the caller's own permissions) pass.
///
/// Lists ARM answers with what the caller can read instead of a 403 (resource groups and
/// resources at subscription scope) are declared on their routes (`Route.filtersByReadAccess`):
/// the request goes on with a `ReadFilter` and the pager hides the rest.
package struct AuthorizationMiddleware: ARMRequestStep {
    package let evaluator: AccessEvaluator
    static let assignmentWrite = "microsoft.authorization/roleassignments/write"
    static let assignmentDelete = "microsoft.authorization/roleassignments/delete"

    package init(evaluator: AccessEvaluator) {
        self.evaluator = evaluator
    }

    package func prepare(_ request: inout ARMRequest) throws {
        guard let match = request.route, let action = match.route.action, let caller = request.caller else {
            return
        }
        let scope = request.resourceID
        // Built-in role definitions are readable by everyone at the tenant root
        // (`/providers/Microsoft.Authorization/roleDefinitions/{guid}`, how clients resolve a
        // role id), whatever roles the caller holds (EMULATOR CHOICE).
        if scope.subscriptionID == nil, action.lowercased() == "microsoft.authorization/roledefinitions/read" {
            return
        }
        let grants = evaluator.grants(for: caller.objectId)
        let decision = evaluator.decide(grants, action: action, scope: scope, attributes: attributes(of: request, action: action))
        if decision.allowed { return }
        if match.route.filtersByReadAccess {
            let evaluator = self.evaluator
            request.readFilter = ReadFilter { id in evaluator.decide(grants, action: id.readAction, scope: id).allowed }
            return
        }
        let scopeText = scope.description
        if decision.deniedByCondition {
            throw ARMError.authorizationFailedByCondition(
                client: caller.clientName, objectId: caller.objectId, action: action, scope: scopeText)
        }
        throw ARMError.authorizationFailed(client: caller.clientName, objectId: caller.objectId, action: action, scope: scopeText)
    }

    /// Attributes the delegation conditions of Azure AI Account Owner / Project Manager read:
    /// `@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId]` (the body of a PUT)
    /// and `@Resource[...:RoleDefinitionId]` (the stored assignment a DELETE removes), plus the
    /// principal id and type.
    func attributes(of request: ARMRequest, action: String) -> [String: [String]] {
        // Only role-assignment writes and deletes have attributes: other actions (their length tells)
        // skip the lower-cased copy.
        let count = action.utf8.count
        guard count == Self.assignmentWrite.utf8.count || count == Self.assignmentDelete.utf8.count else { return [:] }
        let lowered = action.lowercased()
        var attributes: [String: [String]] = [:]
        let prefix = "Microsoft.Authorization/roleAssignments:"
        if lowered == Self.assignmentWrite,
            let properties = (try? request.jsonBody())?["properties"]?.objectValue
        {
            if let role = properties["roleDefinitionId"]?.stringValue {
                attributes[ConditionContext.key("request", prefix + "RoleDefinitionId")] = [role]
            }
            if let principal = properties["principalId"]?.stringValue {
                attributes[ConditionContext.key("request", prefix + "PrincipalId")] = [principal]
            }
            if let type = properties["principalType"]?.stringValue {
                attributes[ConditionContext.key("request", prefix + "PrincipalType")] = [type]
            }
        }
        if lowered == Self.assignmentDelete || lowered == Self.assignmentWrite,
            let stored = evaluator.store.get(request.resourceID),
            let assignment = RoleAssignment(stored: stored)
        {
            attributes[ConditionContext.key("resource", prefix + "RoleDefinitionId")] = [assignment.roleDefinitionGUID]
            attributes[ConditionContext.key("resource", prefix + "PrincipalId")] = [assignment.principalId]
            if let type = assignment.principalType { attributes[ConditionContext.key("resource", prefix + "PrincipalType")] = [type] }
        }
        return attributes
    }
}
