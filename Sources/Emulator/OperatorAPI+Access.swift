import ARMCore
import Authorization
import Foundation
import JSON

/// `POST /_emulator/checkAccess`: asks the RBAC engine directly. The emulator serves no blob or
/// OpenAI data plane, so this is how a test proves what a data action would get (a project's
/// identity reaching its own containers and not a sibling's, docs/rbac-and-hub-proxy.md). Not part of Azure.
///
/// Body: `{"principalId", "action" | "dataAction", "scope", "attributes": {"@Resource[...]": "v" | ["v", ...]}}`.
/// Answer: `{"allowed", "decision": "Allowed"|"Denied", "deniedByCondition", "roleAssignmentId",
/// "roleDefinitionId", "roleName"}` (the deciding assignment when allowed).
extension OperatorAPI {
    var accessRoutes: [Route] {
        [
            Route("POST", "/_emulator/checkAccess", operationID: "Emulator_CheckAccess", action: nil) { request, _ in
                try checkAccess(request)
            }
        ]
    }

    func checkAccess(_ request: ARMRequest) throws -> ARMResponse {
        let body = try request.jsonBody()
        guard let principalId = body["principalId"]?.stringValue, !principalId.isEmpty else {
            throw ARMError.invalidParameter("'principalId' is required.", target: "principalId")
        }
        let dataAction = body["dataAction"]?.stringValue
        guard let action = dataAction ?? body["action"]?.stringValue, !action.isEmpty else {
            throw ARMError.invalidParameter("One of 'action' or 'dataAction' is required.", target: "action")
        }
        guard let scopeText = body["scope"]?.stringValue, let scope = scopeText == "/" ? ResourceID.tenantRoot : ResourceID(scopeText)
        else {
            throw ARMError.invalidParameter(
                "'scope' must be an ARM scope such as /subscriptions/{id}/resourceGroups/{name}.", target: "scope")
        }
        var attributes: [String: [String]] = [:]
        for (name, value) in body["attributes"]?.objectValue?.pairs ?? [] {
            let values = value.arrayValue?.compactMap(\.stringValue) ?? value.stringValue.map { [$0] } ?? []
            attributes[Self.attributeKey(name)] = values
        }
        let evaluator = emulator.authorization.evaluator
        let decision = evaluator.decide(
            principalId: principalId, action: action, isDataAction: dataAction != nil, scope: scope, attributes: attributes)
        var answer = JSONObject([
            ("allowed", .bool(decision.allowed)),
            ("decision", .string(decision.allowed ? "Allowed" : "Denied")),
            ("deniedByCondition", .bool(decision.deniedByCondition)),
        ])
        answer["roleAssignmentId"] = decision.assignment.map { .string($0.id.description) } ?? .null
        answer["roleDefinitionId"] = decision.assignment.map { .string($0.roleDefinitionId) } ?? .null
        answer["roleName"] = decision.role.map { .string($0.roleName) } ?? .null
        return .ok(.object(answer))
    }

    /// `@Resource[X]` -> `resource:x`; anything else is taken as `source:attribute` already.
    static func attributeKey(_ name: String) -> String {
        if name.hasPrefix("@"), let open = name.firstIndex(of: "["), name.hasSuffix("]") {
            let source = name[name.index(after: name.startIndex)..<open]
            let attribute = name[name.index(after: open)..<name.index(before: name.endIndex)]
            return ConditionContext.key(String(source), String(attribute))
        }
        return name.lowercased()
    }
}
