import ARMCore
import JSON

/// An Azure role definition (ARM `RoleDefinition`, api-version 2022-04-01): a built-in from the
/// catalog or a custom role stored as `{scope}/providers/Microsoft.Authorization/roleDefinitions/{guid}`.
package struct RoleDefinition: Sendable, Equatable {
    package static let resourceType = "Microsoft.Authorization/roleDefinitions"

    /// The GUID (the resource's `name`), lower-case.
    package var name: String
    package var roleName: String
    package var description: String
    /// `BuiltInRole` or `CustomRole`.
    package var type: String
    package var permissions: [Permission]
    package var assignableScopes: [String]
    /// For custom roles: the scope they were created at (their id's scope).
    package var scope: String?
    package var createdOn: String?
    package var updatedOn: String?
    package var createdBy: String?
    package var updatedBy: String?

    package init(
        name: String, roleName: String, description: String, type: String, permissions: [Permission], assignableScopes: [String],
        scope: String? = nil
    ) {
        self.name = name.lowercased()
        self.roleName = roleName
        self.description = description
        self.type = type
        self.permissions = permissions
        self.assignableScopes = assignableScopes
        self.scope = scope
    }

    package var isBuiltIn: Bool { type == "BuiltInRole" }

    /// The id as ARM prints it at `scope`: built-ins are tenant-level
    /// (`/providers/Microsoft.Authorization/roleDefinitions/{guid}`) and subscription-qualified
    /// when read under a subscription; custom roles keep the scope they live at.
    package func id(at scope: ResourceID) -> String {
        if !isBuiltIn, let own = self.scope {
            return (own == "/" ? "" : own) + "/providers/Microsoft.Authorization/roleDefinitions/" + name
        }
        let prefix = scope.subscriptionID.map { "/subscriptions/" + $0 } ?? ""
        return prefix + "/providers/Microsoft.Authorization/roleDefinitions/" + name
    }

    /// The ARM wire form.
    package func json(at scope: ResourceID) -> JSONValue {
        var properties = JSONObject([
            ("roleName", .string(roleName)),
            ("type", .string(type)),
            ("description", .string(description)),
            ("assignableScopes", .array(assignableScopes.map(JSONValue.string))),
            ("permissions", .array(permissions.map(\.json))),
        ])
        properties["createdOn"] = createdOn.map(JSONValue.string) ?? .null
        properties["updatedOn"] = updatedOn.map(JSONValue.string) ?? .null
        properties["createdBy"] = createdBy.map(JSONValue.string) ?? .null
        properties["updatedBy"] = updatedBy.map(JSONValue.string) ?? .null
        return .object(
            JSONObject([
                ("id", .string(id(at: scope))),
                ("type", .string(Self.resourceType)),
                ("name", .string(name)),
                ("properties", .object(properties)),
            ]))
    }

    /// Reads a stored custom role (the body the provider wrote).
    package init?(stored resource: StoredResource) {
        let body = resource.body
        guard let properties = body["properties"]?.objectValue, let roleName = properties["roleName"]?.stringValue else { return nil }
        let permissions = (properties["permissions"]?.arrayValue ?? []).compactMap { try? Permission(json: $0) }
        self.init(
            name: resource.id.name, roleName: roleName, description: properties["description"]?.stringValue ?? "",
            type: properties["type"]?.stringValue ?? "CustomRole", permissions: permissions,
            assignableScopes: (properties["assignableScopes"]?.arrayValue ?? []).compactMap(\.stringValue),
            scope: resource.id.scope?.description)
        createdOn = properties["createdOn"]?.stringValue
        updatedOn = properties["updatedOn"]?.stringValue
        createdBy = properties["createdBy"]?.stringValue
        updatedBy = properties["updatedBy"]?.stringValue
    }

    /// True when `scope` is at or below one of `assignableScopes` (built-ins: `/`, everywhere).
    package func isAssignable(at scope: ResourceID) -> Bool {
        assignableScopes.contains { text in
            guard let assignable = text == "/" ? ResourceID.tenantRoot : ResourceID(text) else { return false }
            return assignable == scope || assignable.isAncestor(of: scope)
        }
    }
}
