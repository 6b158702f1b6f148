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
                request, parameters in try listRoleAssignments(request, scope: try scopeID(parameters))
            }.skippingResourceGroupCheck(),
            Route("PUT", item, operationID: "RoleAssignments_Create", action: "Microsoft.Authorization/roleAssignments/write") {
                request, parameters in try createRoleAssignment(request, parameters)
            },
            Route("GET", item, operationID: "RoleAssignments_Get", action: "Microsoft.Authorization/roleAssignments/read") {
                _, parameters in
                let id = try assignmentID(parameters)
                guard let stored = store.get(id) else { throw ARMError.roleAssignmentNotFound(parameters.required("roleAssignmentName")) }
                return .ok(.object(stored.body))
            }.skippingResourceGroupCheck(),
            Route("DELETE", item, operationID: "RoleAssignments_Delete", action: "Microsoft.Authorization/roleAssignments/delete") {
                _, parameters in
                // 200 with the deleted assignment, 204 when there was none.
                guard let removed = try store.delete(try assignmentID(parameters)) else { return .noContent }
                return .ok(.object(removed.body))
            }.skippingResourceGroupCheck(),
        ]
    }

    func assignmentID(_ parameters: RouteParameters) throws -> ResourceID {
        let name = parameters.required("roleAssignmentName")
        guard ResourceID.isGUID(name) else { throw ARMError.invalidRoleAssignmentId(name) }
        return try scopeID(parameters).appending(namespace: "Microsoft.Authorization", type: "roleAssignments", name: name)
    }

    static func assignmentBody(
        id: ResourceID, scope: ResourceID, roleDefinitionId: String, principalId: String, principalType: String, condition: String?,
        conditionVersion: String?, description: String?, createdBy: String?, at date: Date, createdOn: String? = nil
    ) -> JSONObject {
        let timestamp = ARMTimestamp.string(from: date)
        let properties = JSONObject([
            ("roleDefinitionId", .string(roleDefinitionId)),
            ("principalId", .string(principalId)),
            ("principalType", .string(principalType)),
            ("scope", .string(scope.description)),
            ("condition", condition.map(JSONValue.string) ?? .null),
            ("conditionVersion", conditionVersion.map(JSONValue.string) ?? .null),
            ("createdOn", .string(createdOn ?? timestamp)),
            ("updatedOn", .string(timestamp)),
            ("createdBy", createdBy.map(JSONValue.string) ?? .null),
            ("updatedBy", createdBy.map(JSONValue.string) ?? .null),
            ("delegatedManagedIdentityResourceId", .null),
            ("description", description.map(JSONValue.string) ?? .null),
        ])
        return JSONObject([
            ("id", .string(id.description)),
            ("type", .string(RoleAssignment.resourceType)),
            ("name", .string(id.name)),
            ("properties", .object(properties)),
        ])
    }

    /// PUT: 201 for a new assignment, 200 when the same one exists under this name; 409
    /// `RoleAssignmentExists` for the same (principal, role, scope) under another name; 400
    /// `RoleAssignmentUpdateNotPermitted` when this name holds a different principal, role or scope
    /// (names are unique across scopes, docs/azure-behaviours.md "Role assignments").
    func createRoleAssignment(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let id = try assignmentID(parameters)
        let scope = try scopeID(parameters)
        let body = try request.jsonBody()
        guard let properties = body["properties"]?.objectValue else { throw ARMError.missingRoleProperty("properties") }
        guard let roleDefinitionId = properties["roleDefinitionId"]?.stringValue, !roleDefinitionId.isEmpty else {
            throw ARMError.missingRoleProperty("properties.roleDefinitionId")
        }
        guard let principalText = properties["principalId"]?.stringValue, !principalText.isEmpty else {
            throw ARMError.missingRoleProperty("properties.principalId")
        }
        let principalId = principalText.lowercased()
        let guid = String(roleDefinitionId.split(separator: "/").last ?? "")
        guard let role = evaluator.roleDefinition(guid: guid) else { throw ARMError.roleDefinitionDoesNotExist(guid) }
        guard role.isAssignable(at: scope) else { throw ARMError.scopeNotAssignable(scope.description, role: role.roleName) }
        let condition = properties["condition"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        var conditionVersion = properties["conditionVersion"]?.stringValue
        if let condition {
            // Only 2.0 exists; a missing version is read as 2.0 (EMULATOR CHOICE).
            if conditionVersion == nil { conditionVersion = "2.0" }
            guard conditionVersion == "2.0" else { throw ARMError.invalidConditionVersion }
            // Parsed once, here: a bad condition is a 400 and never reaches the store.
            if case .failure(let error) = evaluator.parsedCondition(condition) { throw ARMError.invalidCondition(error.description) }
        } else if conditionVersion != nil, conditionVersion != "2.0" {
            throw ARMError.invalidConditionVersion
        }
        let known = directory.principal(objectId: principalId)
        let principalType: String
        if let given = properties["principalType"]?.stringValue {
            principalType = given
        } else if let known {
            principalType = Self.principalType(of: known)
        } else if directory.group(objectId: principalId) != nil {
            principalType = "Group"
        } else {
            throw ARMError.principalNotFound(principalId, tenantId: request.caller?.tenantId ?? WellKnown.tenantId)
        }
        try requireExisting(scope)

        let all = evaluator.allAssignments()
        if let sameName = all.first(where: { $0.name == id.name.lowercased() }) {
            guard sameName.id == id, sameName.principalId == principalId, sameName.roleDefinitionGUID == role.name else {
                throw ARMError.roleAssignmentUpdateNotPermitted
            }
        }
        if let duplicate = all.first(where: {
            $0.name != id.name.lowercased() && $0.principalId == principalId && $0.roleDefinitionGUID == role.name && $0.scope == scope
        }) {
            throw ARMError.roleAssignmentExists(existingName: duplicate.name)
        }
        let caller = request.caller
        let date = now()
        let write = try store.upsert(id) { existing in
            var body = Self.assignmentBody(
                id: id, scope: scope, roleDefinitionId: roleDefinitionId, principalId: principalId, principalType: principalType,
                condition: condition, conditionVersion: condition == nil ? nil : conditionVersion,
                description: properties["description"]?.stringValue, createdBy: caller?.objectId, at: date,
                createdOn: existing?.body["properties"]?["createdOn"]?.stringValue)
            if let createdBy = existing?.body["properties"]?["createdBy"] { body["properties"]?["createdBy"] = createdBy }
            SystemData.stamp(&body, caller: caller, at: date, previousBody: existing?.body)
            return (body, JSONObject())
        }
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }

    /// `$filter` (docs/azure-behaviours.md "Role assignments", EMULATOR CHOICE): `atScope()` (at or above the scope), `principalId eq
    /// '{id}'`, `assignedTo('{id}')` (the principal's own and its groups' assignments), joined with `and`. Without
    /// `atScope()` the list spans assignments at, above and below the scope.
    func listRoleAssignments(_ request: ARMRequest, scope: ResourceID) throws -> ARMResponse {
        var atScope = false
        var principal: String?
        var principals: Set<String> = []
        if let filter = request.query["$filter"], !filter.trimmingCharacters(in: .whitespaces).isEmpty {
            for clause in filter.components(separatedBy: " and ") {
                let text = clause.trimmingCharacters(in: .whitespaces)
                let lowered = text.lowercased()
                if lowered == "atscope()" {
                    atScope = true
                } else if lowered.hasPrefix("principalid eq ") {
                    principal = Self.unquote(String(text.dropFirst("principalid eq ".count)))
                } else if lowered.hasPrefix("assignedto(") && lowered.hasSuffix(")") {
                    let id = Self.unquote(String(text.dropFirst("assignedto(".count).dropLast())).lowercased()
                    principal = id
                    principals = Set([id] + evaluator.groupMemberships(id).map { $0.lowercased() })
                } else {
                    throw ARMError.unsupportedRoleFilter(filter)
                }
            }
        }
        let items = evaluator.allAssignments().filter { assignment in
            if !principals.isEmpty {
                if !principals.contains(assignment.principalId) { return false }
            } else if let principal, assignment.principalId != principal.lowercased() {
                return false
            }
            let aboveOrAt = assignment.applies(to: scope)
            return atScope ? aboveOrAt : (aboveOrAt || scope.isAncestor(of: assignment.scope))
        }
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
