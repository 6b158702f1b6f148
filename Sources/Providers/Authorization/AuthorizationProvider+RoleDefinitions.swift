import ARMCore
import Authorization
import Foundation
import JSON

/// `{scope}/providers/Microsoft.Authorization/roleDefinitions` (docs/azure-behaviours.md "Role definitions"): the built-in
/// catalog, readable at every scope, and custom roles stored where they were created.
extension AuthorizationProvider {
    var roleDefinitionRoutes: [Route] {
        let collection = "/{scope}/providers/Microsoft.Authorization/roleDefinitions"
        let item = collection + "/{roleDefinitionId}"
        return [
            Route("GET", collection, operationID: "RoleDefinitions_List", action: "Microsoft.Authorization/roleDefinitions/read") {
                request, parameters in
                try validateScope(parameters)
                return try listRoleDefinitions(request, scope: request.resourceID)
            }.skippingResourceGroupCheck(),
            Route("GET", item, operationID: "RoleDefinitions_Get", action: "Microsoft.Authorization/roleDefinitions/read") {
                request, parameters in
                try validateScope(parameters)
                let scope = request.resourceID.scope ?? .tenantRoot
                let guid = parameters.required("roleDefinitionId")
                guard let role = evaluator.roleDefinition(guid: guid) else { throw ARMError.roleDefinitionNotFound(guid) }
                return .ok(role.json(at: scope))
            }.skippingResourceGroupCheck(),
            Route("PUT", item, operationID: "RoleDefinitions_CreateOrUpdate", action: "Microsoft.Authorization/roleDefinitions/write") {
                request, parameters in try createOrUpdateRoleDefinition(request, parameters)
            }.skippingResourceGroupCheck(),
            Route("DELETE", item, operationID: "RoleDefinitions_Delete", action: "Microsoft.Authorization/roleDefinitions/delete") {
                _, parameters in try deleteRoleDefinition(parameters)
            }.skippingResourceGroupCheck(),
        ]
    }

    /// `$filter=roleName eq '...'` and `type eq 'BuiltInRole' | 'CustomRole'` (and both with
    /// `and`). Custom roles are listed where they are assignable.
    func listRoleDefinitions(_ request: ARMRequest, scope: ResourceID) throws -> ARMResponse {
        var roleName: String?
        var type: String?
        if let filter = request.query["$filter"], !filter.trimmingCharacters(in: .whitespaces).isEmpty {
            for clause in filter.components(separatedBy: " and ") {
                let text = clause.trimmingCharacters(in: .whitespaces)
                let lowered = text.lowercased()
                if lowered.hasPrefix("rolename eq ") {
                    roleName = Self.unquote(String(text.dropFirst("rolename eq ".count)))
                } else if lowered.hasPrefix("type eq ") {
                    type = Self.unquote(String(text.dropFirst("type eq ".count)))
                } else {
                    throw ARMError.unsupportedRoleFilter(filter)
                }
            }
        }
        let customs = evaluator.customRoles().filter { scope == .tenantRoot || $0.isAssignable(at: scope) }
        let roles = (evaluator.catalog.builtIns + customs).filter { role in
            (roleName.map { role.roleName.lowercased() == $0.lowercased() } ?? true)
                && (type.map { role.type.lowercased() == $0.lowercased() } ?? true)
        }.sorted { $0.name < $1.name }
        return try Pager(request: request).list(roles, key: \.name) { $0.json(at: scope) }
    }

    /// PUT a custom role: 201 (the only status the spec lists); the checks are
    /// `RoleDefinition(validating:id:evaluator:)`'s.
    func createOrUpdateRoleDefinition(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        try validateScope(parameters)
        let scope = request.resourceID.scope ?? .tenantRoot
        let guid = parameters.required("roleDefinitionId")
        try RoleDefinition.validateCustomName(guid, catalog: evaluator.catalog)
        // A role lives once: updating it at another scope moves nothing (EMULATOR CHOICE: the
        // first scope stays its home, where it is stored under its lower-case GUID).
        let id =
            storedRoleDefinition(guid: guid)?.id
            ?? scope.appending(namespace: "Microsoft.Authorization", type: "roleDefinitions", name: guid.lowercased())
        let role = try RoleDefinition(validating: try request.jsonBody(), id: id, evaluator: evaluator)
        let caller = request.caller
        let date = now()
        let write = try store.upsert(id) { existing in
            (role.body(replacing: existing, caller: caller, at: date, readAt: scope), JSONObject())
        }
        return ARMResponse(status: 201, body: .object(write.resource.body))
    }

    /// The stored custom role with this GUID, wherever it lives.
    func storedRoleDefinition(guid: String) -> StoredResource? {
        let wanted = guid.lowercased()
        return store.all(under: nil, types: [RoleDefinition.resourceType]).first { $0.id.name.lowercased() == wanted }
    }

    /// DELETE: 200 with the role, 204 when absent; a built-in is 403; a role still assigned is 409.
    func deleteRoleDefinition(_ parameters: RouteParameters) throws -> ARMResponse {
        try validateScope(parameters)
        let guid = parameters.required("roleDefinitionId").lowercased()
        if let builtIn = evaluator.catalog.builtIn(guid: guid) { throw ARMError.builtInRoleNotModifiable(builtIn.roleName) }
        guard let stored = storedRoleDefinition(guid: guid) else { return .noContent }
        if evaluator.allAssignments().contains(where: { $0.roleDefinitionGUID == guid }) {
            throw ARMError.roleDefinitionHasAssignments(stored.body["properties"]?["roleName"]?.stringValue ?? guid)
        }
        _ = try store.delete(stored.id)
        return .ok(.object(stored.body))
    }
}
