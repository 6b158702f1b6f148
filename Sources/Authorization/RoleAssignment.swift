import ARMCore

/// A role assignment as stored (STORAGE CONTRACT shared with other providers): an ARM resource
/// `{scope}/providers/Microsoft.Authorization/roleAssignments/{guid}` of type
/// `Microsoft.Authorization/roleAssignments` whose `properties` are ARM's: roleDefinitionId,
/// principalId, principalType, scope, condition, conditionVersion, createdOn, updatedOn,
/// createdBy, updatedBy, description. Anything that writes such a resource grants access.
package struct RoleAssignment: Sendable, Equatable {
    package static let resourceType = "Microsoft.Authorization/roleAssignments"

    package var id: ResourceID
    /// Lower-case GUID.
    package var name: String
    package var scope: ResourceID
    package var roleDefinitionId: String {
        didSet { roleDefinitionGUID = Self.guid(of: roleDefinitionId) }
    }
    package var principalId: String
    package var principalType: String?
    package var condition: String?
    package var conditionVersion: String?
    package var description: String?

    /// The role's GUID: the last segment of `roleDefinitionId`, lower-cased. Kept with it rather
    /// than derived on every read: RBAC reads it for every assignment on every request, and the
    /// split showed in a profile of a GET (docs/performance.md).
    package private(set) var roleDefinitionGUID: String

    static func guid(of roleDefinitionId: String) -> String {
        (roleDefinitionId.split(separator: "/").last.map(String.init) ?? roleDefinitionId).lowercased()
    }

    package init(
        id: ResourceID, scope: ResourceID, roleDefinitionId: String, principalId: String, principalType: String? = nil,
        condition: String? = nil, conditionVersion: String? = nil, description: String? = nil
    ) {
        self.id = id
        self.name = id.name.lowercased()
        self.scope = scope
        self.roleDefinitionId = roleDefinitionId
        self.roleDefinitionGUID = Self.guid(of: roleDefinitionId)
        self.principalId = principalId.lowercased()
        self.principalType = principalType
        self.condition = condition
        self.conditionVersion = conditionVersion
        self.description = description
    }

    /// Reads a stored assignment; nil when it lacks a principal or role. The scope is
    /// `properties.scope` when present, else the scope of the id.
    package init?(stored resource: StoredResource) {
        guard let properties = resource.body["properties"]?.objectValue,
            let principalId = properties["principalId"]?.stringValue,
            let roleDefinitionId = properties["roleDefinitionId"]?.stringValue
        else { return nil }
        let scopeText = properties["scope"]?.stringValue
        let scope = scopeText.flatMap { $0 == "/" ? ResourceID.tenantRoot : ResourceID($0) } ?? resource.id.scope ?? .tenantRoot
        self.init(
            id: resource.id, scope: scope, roleDefinitionId: roleDefinitionId, principalId: principalId,
            principalType: properties["principalType"]?.stringValue, condition: properties["condition"]?.stringValue,
            conditionVersion: properties["conditionVersion"]?.stringValue, description: properties["description"]?.stringValue)
    }

    /// True when the assignment applies to `target`: the same scope or an ancestor (docs/azure-behaviours.md "How access is evaluated":
    /// scope inheritance, whole segments, case-insensitive).
    package func applies(to target: ResourceID) -> Bool {
        scope == target || scope.isAncestor(of: target)
    }
}
