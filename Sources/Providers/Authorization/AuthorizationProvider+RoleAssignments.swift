import ARMCore
import Authorization
import Foundation
import Identity
import JSON

/// `{scope}/providers/Microsoft.Authorization/roleAssignments` (docs/azure-behaviours.md "Role assignments").
extension AuthorizationProvider {
    var roleAssignmentRoutes: [Route] {
        let collection = "/{scope}/providers/Microsoft.Authorization/roleAssignments"
        let item = collection + "/{roleAssignmentName}"
        return [
            Route("GET", collection, operationID: "RoleAssignments_ListForScope", action: "Microsoft.Authorization/roleAssignments/read") {
                request, parameters in
                try validateScope(parameters)
                return try listRoleAssignments(request, scope: request.resourceID)
            }.skippingResourceGroupCheck(),
            Route("PUT", item, operationID: "RoleAssignments_Create", action: "Microsoft.Authorization/roleAssignments/write") {
                request, parameters in try createRoleAssignment(request, parameters)
            },
            Route("GET", item, operationID: "RoleAssignments_Get", action: "Microsoft.Authorization/roleAssignments/read") {
                request, parameters in
                try validateAssignmentTarget(parameters)
                guard let stored = store.get(request.resourceID) else {
                    throw ARMError.roleAssignmentNotFound(parameters.required("roleAssignmentName"))
                }
                return .ok(.object(stored.body))
            }.skippingResourceGroupCheck(),
            Route("DELETE", item, operationID: "RoleAssignments_Delete", action: "Microsoft.Authorization/roleAssignments/delete") {
                request, parameters in
                try validateAssignmentTarget(parameters)
                // 200 with the deleted assignment, 204 when there was none.
                guard let removed = try store.delete(request.resourceID) else { return .noContent }
                return .ok(.object(removed.body))
            }.skippingResourceGroupCheck(),
        ]
    }

    /// The name must be a GUID and `{scope}` a scope; the target is then the assignment.
    func validateAssignmentTarget(_ parameters: RouteParameters) throws {
        try RoleAssignment.validateName(parameters.required("roleAssignmentName"))
        try validateScope(parameters)
    }

    /// PUT: 201 for a new assignment, 200 when the same one exists under this name (the checks are
    /// `RoleAssignment(validating:id:context:)`'s).
    func createRoleAssignment(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        try validateAssignmentTarget(parameters)
        let context = RoleAssignment.WriteContext(
            evaluator: evaluator, directory: directory, store: store, tenantId: request.caller?.tenantId ?? WellKnown.tenantId)
        let assignment = try RoleAssignment(validating: try request.jsonBody(), id: request.resourceID, context: context)
        let caller = request.caller
        let date = now()
        let write = try store.upsert(assignment.id) { existing in
            (assignment.body(replacing: existing, caller: caller, at: date), JSONObject())
        }
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }

    /// The assignments `$filter` (`RoleAssignmentFilter`) selects at `scope`, paged.
    func listRoleAssignments(_ request: ARMRequest, scope: ResourceID) throws -> ARMResponse {
        let filter = try RoleAssignmentFilter(request.query["$filter"], groupMemberships: evaluator.groupMemberships)
        let items = evaluator.allAssignments().filter { filter.matches($0, scope: scope) }
        return try Pager(request: request).list(
            items, key: { $0.id.key },
            render: { assignment in
                guard let stored = store.get(assignment.id) else { return .null }
                return .object(stored.body)
            })
    }

    static func unquote(_ text: String) -> String {
        var value = text.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("'") && value.hasSuffix("'") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
        return value
    }
}
