import ARMCore

/// Microsoft.Authorization's errors: role assignments and role definitions (docs/rbac-and-hub-proxy.md).
/// The gateway's `AuthorizationFailed` family is in ARMCore's `ARMError+Catalog.swift`.
extension ARMError {
    /// Live messages append the existing assignment's id without dashes, as public deployment logs quote
    /// them ("The ID of the existing role assignment is 716c4d159bc8476da3c16ccb70082517.").
    package static func roleAssignmentExists(existingName: String) -> ARMError {
        ARMError(
            status: 409, code: "RoleAssignmentExists",
            message: "The role assignment already exists. The ID of the existing role assignment is "
                + "\(existingName.replacingOccurrences(of: "-", with: "").lowercased()).")
    }

    package static let roleAssignmentUpdateNotPermitted = ARMError(
        status: 400, code: "RoleAssignmentUpdateNotPermitted",
        message: "Tenant ID, application ID, principal ID, and scope are not allowed to be updated.")

    /// UNVERIFIED wording (no public recording of this exact text).
    package static func roleDefinitionDoesNotExist(_ id: String) -> ARMError {
        ARMError(status: 400, code: "RoleDefinitionDoesNotExist", message: "The specified role definition with ID '\(id)' does not exist.")
    }

    /// The name segment of a role assignment or custom role must be a GUID (UNVERIFIED wording).
    package static func invalidRoleAssignmentId(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidRoleAssignmentId",
            message: "The role assignment ID '\(name)' is not valid. The role assignment ID must be a GUID.")
    }

    package static func invalidRoleDefinitionId(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidRoleDefinitionId",
            message: "The role definition ID '\(name)' is not valid. The role definition ID must be a GUID.")
    }

    package static func roleAssignmentNotFound(_ name: String) -> ARMError {
        ARMError(status: 404, code: "RoleAssignmentNotFound", message: "The role assignment '\(name)' is not found.")
    }

    package static func roleDefinitionNotFound(_ name: String) -> ARMError {
        ARMError(
            status: 404, code: "RoleDefinitionDoesNotExist", message: "The specified role definition with ID '\(name)' does not exist.")
    }

    /// A missing required property of a role assignment or definition body.
    package static func missingRoleProperty(_ property: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidRequestContent", message: "The request content was invalid: '\(property)' is required.",
            target: property)
    }

    /// `condition` that does not parse, or a `conditionVersion` other than 2.0.
    package static func invalidCondition(_ detail: String) -> ARMError {
        ARMError(status: 400, code: "InvalidRoleAssignmentCondition", message: "The role assignment condition is invalid: \(detail)")
    }

    package static let invalidConditionVersion = ARMError(
        status: 400, code: "InvalidConditionVersion",
        message: "The condition version is invalid. Currently the only accepted value is '2.0'.")

    package static func roleDefinitionWithSameNameExists(_ name: String) -> ARMError {
        ARMError(
            status: 409, code: "RoleDefinitionWithSameNameExists", message: "A custom role with the same name '\(name)' already exists.")
    }

    package static func builtInRoleNotModifiable(_ name: String) -> ARMError {
        ARMError(
            status: 403, code: "RoleDefinitionNotModifiable",
            message: "The built-in role definition '\(name)' cannot be modified or deleted.")
    }

    package static func invalidAssignableScope(_ scope: String) -> ARMError {
        ARMError(status: 400, code: "InvalidAssignableScope", message: "The assignable scope '\(scope)' is not valid.")
    }

    package static func scopeNotAssignable(_ scope: String, role: String) -> ARMError {
        ARMError(
            status: 400, code: "ScopeNotAllowed",
            message: "The role definition '\(role)' is not assignable at scope '\(scope)'; it is not under one of its assignableScopes.")
    }

    package static func roleDefinitionHasAssignments(_ name: String) -> ARMError {
        ARMError(
            status: 409, code: "RoleDefinitionHasAssignments", message: "There are existing role assignments referencing role '\(name)'.")
    }

    package static func unsupportedRoleFilter(_ filter: String) -> ARMError {
        ARMError(status: 400, code: "UnsupportedQueryParameter", message: "The filter '\(filter)' is not supported.")
    }

    /// Used when the principal is unknown and no `principalType` was given (docs/rbac-and-hub-proxy.md; the text
    /// points at https://aka.ms/docs-principaltype as Azure's does).
    package static func principalNotFound(_ principalId: String, tenantId: String) -> ARMError {
        ARMError(
            status: 400, code: "PrincipalNotFound",
            message: "Principal \(principalId.replacingOccurrences(of: "-", with: "")) does not exist in the directory \(tenantId). "
                + "Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a "
                + "role, this error might be related to a replication delay. In this case, set the role assignment principalType "
                + "property to a value, "
                + "such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype")
    }

    package static func invalidScope(_ scope: String) -> ARMError {
        ARMError(status: 400, code: "InvalidScope", message: "The scope '\(scope)' is not valid.")
    }
}

extension ARMError {
    /// Every factory above, built with placeholder arguments: the inventory `ErrorCatalogTests` reads to
    /// check that no code means two things across the catalogs.
    package static let authorizationCatalog: [(factory: String, error: ARMError)] = [
        ("roleAssignmentExists", roleAssignmentExists(existingName: "{existingName}")),
        ("roleAssignmentUpdateNotPermitted", roleAssignmentUpdateNotPermitted),
        ("roleDefinitionDoesNotExist", roleDefinitionDoesNotExist("{id}")),
        ("invalidRoleAssignmentId", invalidRoleAssignmentId("{name}")),
        ("invalidRoleDefinitionId", invalidRoleDefinitionId("{name}")),
        ("roleAssignmentNotFound", roleAssignmentNotFound("{name}")),
        ("roleDefinitionNotFound", roleDefinitionNotFound("{name}")),
        ("missingRoleProperty", missingRoleProperty("{property}")),
        ("invalidCondition", invalidCondition("{detail}")),
        ("invalidConditionVersion", invalidConditionVersion),
        ("roleDefinitionWithSameNameExists", roleDefinitionWithSameNameExists("{name}")),
        ("builtInRoleNotModifiable", builtInRoleNotModifiable("{name}")),
        ("invalidAssignableScope", invalidAssignableScope("{scope}")),
        ("scopeNotAssignable", scopeNotAssignable("{scope}", role: "{role}")),
        ("roleDefinitionHasAssignments", roleDefinitionHasAssignments("{name}")),
        ("unsupportedRoleFilter", unsupportedRoleFilter("{filter}")),
        ("principalNotFound", principalNotFound("{principalId}", tenantId: "{tenantId}")),
        ("invalidScope", invalidScope("{scope}")),
    ]
}
