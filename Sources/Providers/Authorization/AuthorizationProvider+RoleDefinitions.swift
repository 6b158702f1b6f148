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
                request, parameters in try listRoleDefinitions(request, scope: try scopeID(parameters))
            }.skippingResourceGroupCheck(),
            Route("GET", item, operationID: "RoleDefinitions_Get", action: "Microsoft.Authorization/roleDefinitions/read") {
                _, parameters in
                let scope = try scopeID(parameters)
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

    /// PUT a custom role: 201 (the only status the spec lists). Built-in GUIDs cannot be written;
    /// `roleName`, `permissions` and `assignableScopes` are required; names are unique.
    func createOrUpdateRoleDefinition(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let scope = try scopeID(parameters)
        let guid = parameters.required("roleDefinitionId")
        guard ResourceID.isGUID(guid) else { throw ARMError.invalidRoleDefinitionId(guid) }
        if let builtIn = evaluator.catalog.builtIn(guid: guid) { throw ARMError.builtInRoleNotModifiable(builtIn.roleName) }
        let body = try request.jsonBody()
        guard let properties = body["properties"]?.objectValue else { throw ARMError.missingRoleProperty("properties") }
        guard let roleName = properties["roleName"]?.stringValue, !roleName.isEmpty else {
            throw ARMError.missingRoleProperty("properties.roleName")
        }
        guard let permissionValues = properties["permissions"]?.arrayValue else {
            throw ARMError.missingRoleProperty("properties.permissions")
        }
        let permissions = try permissionValues.map { try Permission(json: $0) }
        guard let scopeValues = properties["assignableScopes"]?.arrayValue, !scopeValues.isEmpty else {
            throw ARMError.missingRoleProperty("properties.assignableScopes")
        }
        let assignableScopes = try scopeValues.map { value -> String in
            guard let text = value.stringValue, text == "/" || ResourceID(text) != nil else {
                throw ARMError.invalidAssignableScope(value.stringValue ?? value.description)
            }
            return text == "/" ? "/" : ResourceID(text)!.description
        }
        let lowered = roleName.lowercased()
        if evaluator.catalog.builtIn(roleName: roleName) != nil
            || evaluator.customRoles().contains(where: { $0.roleName.lowercased() == lowered && $0.name != guid.lowercased() })
        {
            throw ARMError.roleDefinitionWithSameNameExists(roleName)
        }
        // A role lives once: updating it at another scope moves nothing (EMULATOR CHOICE: the
        // first scope stays its home).
        let existing = storedRoleDefinition(guid: guid)
        let id = existing?.id ?? scope.appending(namespace: "Microsoft.Authorization", type: "roleDefinitions", name: guid.lowercased())
        let caller = request.caller
        let date = now()
        let write = try store.upsert(id) { existing in
            var role = RoleDefinition(
                name: guid, roleName: roleName, description: properties["description"]?.stringValue ?? "", type: "CustomRole",
                permissions: permissions, assignableScopes: assignableScopes, scope: id.scope?.description)
            let timestamp = ARMTimestamp.string(from: date)
            role.createdOn = existing?.body["properties"]?["createdOn"]?.stringValue ?? timestamp
            role.updatedOn = timestamp
            role.createdBy = existing?.body["properties"]?["createdBy"]?.stringValue ?? caller?.objectId
            role.updatedBy = caller?.objectId
            var body = role.json(at: scope).objectValue ?? JSONObject()
            SystemData.stamp(&body, caller: caller, at: date, previousBody: existing?.body)
            return (body, JSONObject())
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
        _ = try scopeID(parameters)
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
