import ARMCore

/// Microsoft.MachineLearningServices' errors: hubs, projects, connections, computes
/// (docs/hubs-and-projects.md, "Rules this emulator enforces"). Texts are quoted from the real service
/// where it is on record; the others are EMULATOR CHOICE in the same style. The codes workspaces share
/// with CognitiveServices and the hub proxy are in ARMCore's `ARMError+Catalog.swift`.
extension ARMError {
    /// Workspace, connection and outbound-rule names: `^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$` (the `workspaceName`
    /// pattern of azure-rest-api-specs `specification/machinelearningservices/resource-manager`).
    package static func invalidWorkspaceChildName(_ name: String, type: String) -> ARMError {
        invalidResourceName(
            name, type: type,
            rule: "The name must be 3 to 33 characters long, start with a letter or digit, and contain only letters, digits, "
                + "'_' and '-'.")
    }

    package static func invalidWorkspaceKind(_ kind: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "Workspace kind '\(kind)' is not supported. Supported kinds are 'Default', 'Hub' and 'Project'.")
    }

    /// "Converting a regular workspace into a hub workspace: Not supported."
    /// (https://learn.microsoft.com/azure/machine-learning/concept-hub-workspace)
    package static func workspaceKindImmutable(existing: String, requested: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The kind of workspace cannot be changed from '\(existing)' to '\(requested)'.")
    }

    package static let projectHubResourceIdRequired = ARMError(
        status: 400, code: "BadRequest",
        message: "A workspace of kind 'Project' must specify the ARM id of its hub workspace in 'properties.hubResourceId'.")

    /// EMULATOR CHOICE (docs/hubs-and-projects.md, "Rules this emulator enforces"): a missing hub or a non-hub.
    package static func hubWorkspaceNotFound(_ hubResourceId: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "Hub workspace '\(hubResourceId)' was not found or is not of kind 'Hub'.")
    }

    package static func hubResourceIdImmutable(existing: String, requested: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The hubResourceId of a project workspace cannot be changed after creation (from '\(existing)' to "
                + "'\(requested)').")
    }

    /// The real service's text (Azure-Samples/ai-studio-in-a-box#5), spelling included.
    package static let projectManagedNetwork = ARMError(
        status: 400, code: "BadRequest", message: "Project workspace shouldn't define it's own managed network properties.")

    /// azure-ai-ml's client-side check, applied by the emulator on the server (docs/hubs-and-projects.md).
    package static func projectDependentResource(_ property: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "To create a project workspace with a workspace hub, please only specify name, description, display_name, "
                + "location, application insight and identity. The project inherits '\(property)' from its hub.",
            target: "properties." + property)
    }

    package static func projectLocationMismatch(location: String, hubLocation: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The location of a project workspace must match that of its hub: '\(location)' was given, the hub is in "
                + "'\(hubLocation)'.",
            target: "location")
    }

    /// `storageAccount` and `keyVault` "cannot be changed once the workspace has been created" (docs/hubs-and-projects.md).
    package static func workspacePropertyImmutable(_ property: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The property '\(property)' cannot be changed once the workspace has been created.",
            target: "properties." + property)
    }

    package static func dependentResourceGroupNotFound(_ property: String, id: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The resource '\(id)' given in '\(property)' cannot be used: its subscription or resource group does not "
                + "exist.",
            target: "properties." + property)
    }

    /// Deleting a hub with projects: behaviour UNKNOWN in Azure; EMULATOR CHOICE 409 (docs/hubs-and-projects.md).
    package static func hubHasProjects(_ hub: String, projects: [String]) -> ARMError {
        ARMError(
            status: 409, code: "Conflict",
            message: "Hub workspace '\(hub)' still has project workspaces: \(projects.joined(separator: ", ")). Delete the "
                + "projects first.")
    }

    /// A soft-deleted workspace keeps its name until purged
    /// (https://learn.microsoft.com/azure/machine-learning/concept-soft-delete).
    package static func workspaceSoftDeleted(_ name: String) -> ARMError {
        ARMError(
            status: 409, code: "Conflict",
            message: "Workspace '\(name)' is in soft-deleted state. Purge it (DELETE with forceToPurge=true) or recover it before "
                + "reusing the name.")
    }

    package static func hubConnectionReadOnlyInProject(_ name: String, hub: String) -> ARMError {
        ARMError(
            status: 409, code: "Conflict",
            message: "Connection '\(name)' belongs to hub workspace '\(hub)' and is shared with this project; it can only be "
                + "changed or deleted through the hub.")
    }

    package static func missingQueryParameter(_ name: String, allowed: [String]) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The query parameter '\(name)' is required. Allowed values are: \(allowed.joined(separator: ", ")).",
            target: name)
    }

    package static func computeActionNotAllowed(_ action: String, compute: String, state: String) -> ARMError {
        ARMError(
            status: 409, code: "Conflict",
            message: "Cannot \(action) compute instance '\(compute)' while it is in state '\(state)'.")
    }

    package static func computeTypeNotSupported(_ type: String) -> ARMError {
        ARMError(
            status: 501, code: "NotImplemented",
            message: "Compute type '\(type)' is not implemented by foundry-emulator; only 'ComputeInstance' is.")
    }
}

extension ARMError {
    /// Every factory above, built with placeholder arguments: the inventory `ErrorCatalogTests` reads to
    /// check that no code means two things across the catalogs.
    package static let machineLearningServicesCatalog: [(factory: String, error: ARMError)] = [
        ("invalidWorkspaceChildName", invalidWorkspaceChildName("{name}", type: "{type}")),
        ("invalidWorkspaceKind", invalidWorkspaceKind("{kind}")),
        ("workspaceKindImmutable", workspaceKindImmutable(existing: "{existing}", requested: "{requested}")),
        ("projectHubResourceIdRequired", projectHubResourceIdRequired),
        ("hubWorkspaceNotFound", hubWorkspaceNotFound("{hubResourceId}")),
        ("hubResourceIdImmutable", hubResourceIdImmutable(existing: "{existing}", requested: "{requested}")),
        ("projectManagedNetwork", projectManagedNetwork),
        ("projectDependentResource", projectDependentResource("{property}")),
        ("projectLocationMismatch", projectLocationMismatch(location: "{location}", hubLocation: "{hubLocation}")),
        ("workspacePropertyImmutable", workspacePropertyImmutable("{property}")),
        ("dependentResourceGroupNotFound", dependentResourceGroupNotFound("{property}", id: "{id}")),
        ("hubHasProjects", hubHasProjects("{hub}", projects: ["{projects}"])),
        ("workspaceSoftDeleted", workspaceSoftDeleted("{name}")),
        ("hubConnectionReadOnlyInProject", hubConnectionReadOnlyInProject("{name}", hub: "{hub}")),
        ("missingQueryParameter", missingQueryParameter("{name}", allowed: ["{allowed}"])),
        ("computeActionNotAllowed", computeActionNotAllowed("{action}", compute: "{compute}", state: "{state}")),
        ("computeTypeNotSupported", computeTypeNotSupported("{type}")),
    ]
}
