import ARMCore
import Authorization
import Foundation
import Identity
import JSON

/// A role assignment as a PUT writes it (docs/azure-behaviours.md "Role assignments"): the RBAC
/// engine's `RoleAssignment`, validated from the request body, and its ARM body.
extension RoleAssignment {
    /// What a write is checked against besides its body.
    struct WriteContext {
        let evaluator: AccessEvaluator
        let directory: Directory
        let store: ResourceStore
        /// The caller's tenant, named in `PrincipalNotFound`.
        let tenantId: String
    }

    /// Assignment names are GUIDs: 400 `InvalidRoleAssignmentId` otherwise.
    static func validateName(_ name: String) throws {
        guard ResourceID.isGUID(name) else { throw ARMError.invalidRoleAssignmentId(name) }
    }

    /// A PUT body for the assignment `id`: `roleDefinitionId` and `principalId` required, the role
    /// must exist and be assignable at the scope, a condition must parse (version 2.0 only), the
    /// principal must be known unless `principalType` is given, a resource scope must exist. Then,
    /// against the existing assignments: 400 `RoleAssignmentUpdateNotPermitted` when this name holds
    /// a different principal, role or scope (names are unique across scopes), 409
    /// `RoleAssignmentExists` for the same (principal, role, scope) under another name.
    init(validating input: JSONObject, id: ResourceID, context: WriteContext) throws {
        let scope = id.scope ?? .tenantRoot
        guard let properties = input["properties"]?.objectValue else { throw ARMError.missingRoleProperty("properties") }
        guard let roleDefinitionId = properties["roleDefinitionId"]?.stringValue, !roleDefinitionId.isEmpty else {
            throw ARMError.missingRoleProperty("properties.roleDefinitionId")
        }
        guard let principalText = properties["principalId"]?.stringValue, !principalText.isEmpty else {
            throw ARMError.missingRoleProperty("properties.principalId")
        }
        let principalId = principalText.lowercased()
        let guid = String(roleDefinitionId.split(separator: "/").last ?? "")
        guard let role = context.evaluator.roleDefinition(guid: guid) else { throw ARMError.roleDefinitionDoesNotExist(guid) }
        guard role.isAssignable(at: scope) else { throw ARMError.scopeNotAssignable(scope.description, role: role.roleName) }
        let condition = properties["condition"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        let conditionVersion = try Self.conditionVersion(properties["conditionVersion"]?.stringValue, of: condition, context: context)
        let principalType = try Self.principalType(properties["principalType"]?.stringValue, of: principalId, context: context)
        // The scope must exist for writes: the resource it names (a missing resource group was
        // answered before, by `ResourceGroupMiddleware`).
        if scope.level == .resource, !context.store.contains(scope) { throw ARMError.resourceNotFound(scope) }
        self.init(
            id: id, scope: scope, roleDefinitionId: roleDefinitionId, principalId: principalId, principalType: principalType,
            condition: condition, conditionVersion: conditionVersion, description: properties["description"]?.stringValue)
        try checkUnique(among: context.evaluator.allAssignments(), roleGUID: role.name)
    }

    /// The version a condition is stored with (nil without a condition). Only 2.0 exists; a
    /// missing version is read as 2.0 (EMULATOR CHOICE). The condition is parsed once, here: a bad
    /// one is a 400 and never reaches the store.
    static func conditionVersion(_ given: String?, of condition: String?, context: WriteContext) throws -> String? {
        guard let condition else {
            if let given, given != "2.0" { throw ARMError.invalidConditionVersion }
            return nil
        }
        guard given == nil || given == "2.0" else { throw ARMError.invalidConditionVersion }
        if case .failure(let error) = context.evaluator.parsedCondition(condition) { throw ARMError.invalidCondition(error.description) }
        return "2.0"
    }

    /// `principalType` as given, else from the directory (a group is `Group`); an unknown
    /// principal without one is 400 `PrincipalNotFound`.
    static func principalType(_ given: String?, of principalId: String, context: WriteContext) throws -> String {
        if let given { return given }
        if let known = context.directory.principal(objectId: principalId) { return AuthorizationProvider.principalType(of: known) }
        if context.directory.group(objectId: principalId) != nil { return "Group" }
        throw ARMError.principalNotFound(principalId, tenantId: context.tenantId)
    }

    func checkUnique(among all: [RoleAssignment], roleGUID: String) throws {
        if let sameName = all.first(where: { $0.name == name }) {
            guard sameName.id == id, sameName.principalId == principalId, sameName.roleDefinitionGUID == roleGUID else {
                throw ARMError.roleAssignmentUpdateNotPermitted
            }
        }
        if let duplicate = all.first(where: {
            $0.name != name && $0.principalId == principalId && $0.roleDefinitionGUID == roleGUID && $0.scope == scope
        }) {
            throw ARMError.roleAssignmentExists(existingName: duplicate.name)
        }
    }

    /// The body a PUT stores over `existing`: its `createdOn` and `createdBy` stay, `updatedBy` is
    /// the caller, `systemData` is stamped.
    func body(replacing existing: StoredResource?, caller: Caller?, at date: Date) -> JSONObject {
        var body = self.body(createdBy: caller?.objectId, at: date, createdOn: existing?.body["properties"]?["createdOn"]?.stringValue)
        if let createdBy = existing?.body["properties"]?["createdBy"] { body["properties"]?["createdBy"] = createdBy }
        SystemData.stamp(&body, caller: caller, at: date, previousBody: existing?.body)
        return body
    }

    /// The ARM wire form (api-version 2022-04-01 `RoleAssignment`).
    func body(createdBy: String?, at date: Date, createdOn: String? = nil) -> JSONObject {
        let timestamp = ARMTimestamp.string(from: date)
        let properties = JSONObject([
            ("roleDefinitionId", .string(roleDefinitionId)),
            ("principalId", .string(principalId)),
            ("principalType", principalType.map(JSONValue.string) ?? .null),
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
            ("type", .string(Self.resourceType)),
            ("name", .string(id.name)),
            ("properties", .object(properties)),
        ])
    }
}
