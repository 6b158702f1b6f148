import Authorization

/// The role the emulator grants the Machine Learning service's first-party principal
/// (`WellKnown.machineLearningServiceObjectId`) at the tenant root, through
/// `AccessEvaluator.firstPartyRoles` like the hub proxy's `HubProxyRole`: no role assignment a
/// client could see or delete, exactly this and nothing else.
///
/// EMULATOR CHOICE (docs/hubs-and-projects.md "Resources the ML service creates"): what the service
/// creates for a workspace and undoes when a creation fails half way: a hub's storage account, key
/// vault, container registry and Application Insights component, a project's blob containers, and
/// role assignments of Storage Blob Data Contributor only (the block's condition, in the form of
/// the delegating built-in roles), which it also deletes when their project goes; and connection
/// secrets, which it sets, reads and deletes over Key Vault's data plane (three data actions, not
/// the list). It cannot read or write workspaces, accounts, resource groups, keys, ARM secrets or
/// any other role.
package enum MachineLearningServiceRole {
    package static let guid = "fe000000-0000-4000-8000-000000000011"

    /// Storage Blob Data Contributor: the one role the service assigns (a project's identity on its
    /// hub's storage account).
    package static let assignableRole = "ba92f5b4-2d11-453d-a403-e96b0029c9fe"

    package static let definition = RoleDefinition(
        name: guid, roleName: "Foundry Emulator Machine Learning Service",
        description: "First-party role of the Machine Learning service: the dependent resources it creates for workspaces.",
        type: "BuiltInRole",
        permissions: [
            Permission(actions: [
                "Microsoft.Storage/storageAccounts/write",
                "Microsoft.Storage/storageAccounts/delete",
                "Microsoft.Storage/storageAccounts/blobServices/containers/write",
                "Microsoft.Storage/storageAccounts/blobServices/containers/delete",
                "Microsoft.KeyVault/vaults/write",
                "Microsoft.ContainerRegistry/registries/write",
                "Microsoft.ContainerRegistry/registries/delete",
                "Microsoft.Insights/components/write",
                "Microsoft.Insights/components/delete",
            ]),
            // Connection secrets, over Key Vault's data plane only: no ARM action on secrets, no list.
            Permission(dataActions: [
                "Microsoft.KeyVault/vaults/secrets/setSecret/action",
                "Microsoft.KeyVault/vaults/secrets/getSecret/action",
                "Microsoft.KeyVault/vaults/secrets/delete",
            ]),
            Permission(
                actions: ["Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/roleAssignments/delete"],
                condition: "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR "
                    + "(@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals{\(assignableRole)}))"
                    + " AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR "
                    + "(@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals{\(assignableRole)}))",
                conditionVersion: "2.0"),
        ],
        assignableScopes: ["/"])
}
