import ARMCore
import Authorization
import Foundation
import JSON

/// A custom role as a PUT writes it (docs/azure-behaviours.md "Role definitions"): the RBAC engine's
/// `RoleDefinition`, validated from the request body, and its ARM body.
extension RoleDefinition {
    /// A custom role's name is a GUID that no built-in role has (built-ins cannot be written).
    static func validateCustomName(_ guid: String, catalog: RoleCatalog) throws {
        guard ResourceID.isGUID(guid) else { throw ARMError.invalidRoleDefinitionId(guid) }
        if let builtIn = catalog.builtIn(guid: guid) { throw ARMError.builtInRoleNotModifiable(builtIn.roleName) }
    }

    /// A PUT body for the custom role stored at `id`: `roleName`, `permissions` and
    /// `assignableScopes` (each an ARM scope) are required; role names are unique among built-in
    /// and custom roles.
    init(validating input: JSONObject, id: ResourceID, evaluator: AccessEvaluator) throws {
        guard let properties = input["properties"]?.objectValue else { throw ARMError.missingRoleProperty("properties") }
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
        let guid = id.name.lowercased()
        if evaluator.catalog.builtIn(roleName: roleName) != nil
            || evaluator.customRoles().contains(where: { $0.roleName.lowercased() == lowered && $0.name != guid })
        {
            throw ARMError.roleDefinitionWithSameNameExists(roleName)
        }
        self.init(
            name: guid, roleName: roleName, description: properties["description"]?.stringValue ?? "", type: "CustomRole",
            permissions: permissions, assignableScopes: assignableScopes, scope: id.scope?.description)
    }

    /// The body a PUT stores over `existing`, as read at `scope`: `createdOn` and `createdBy` stay,
    /// `updatedBy` is the caller, `systemData` is stamped.
    func body(replacing existing: StoredResource?, caller: Caller?, at date: Date, readAt scope: ResourceID) -> JSONObject {
        var role = self
        let timestamp = ARMTimestamp.string(from: date)
        role.createdOn = existing?.body["properties"]?["createdOn"]?.stringValue ?? timestamp
        role.updatedOn = timestamp
        role.createdBy = existing?.body["properties"]?["createdBy"]?.stringValue ?? caller?.objectId
        role.updatedBy = caller?.objectId
        var body = role.json(at: scope).objectValue ?? JSONObject()
        SystemData.stamp(&body, caller: caller, at: date, previousBody: existing?.body)
        return body
    }
}
