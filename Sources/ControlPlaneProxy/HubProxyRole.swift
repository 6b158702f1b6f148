import Authorization

/// The role the emulators grant the hub proxy's first-party service principal
/// (`WellKnown.hubProxyObjectId`) at the tenant root, through `AccessEvaluator.firstPartyRoles`
/// rather than a role assignment: whatever a client does to role assignments, the proxy keeps
/// exactly this and nothing else.
///
/// Emulator choice (docs/azure-behaviours.md "Hub control-plane proxy routes": Azure does not document how the real service reaches the
/// account): the proxy acts as a first-party service trusted for account deployment and model operations only, plus
/// `listKeys`, which `POST {workspace}/endpoints/{e}/listKeys` needs. It cannot read, write or
/// delete accounts, resource groups, role assignments or anything in Microsoft.MachineLearningServices.
package enum HubProxyRole {
    package static let guid = "fe000000-0000-4000-8000-000000000010"

    package static let definition = RoleDefinition(
        name: guid, roleName: "Foundry Emulator Hub Proxy",
        description: "First-party role of the hub control-plane proxy: account deployments and models on behalf of a workspace caller.",
        type: "BuiltInRole",
        permissions: [
            Permission(actions: [
                "Microsoft.CognitiveServices/accounts/deployments/read",
                "Microsoft.CognitiveServices/accounts/deployments/write",
                "Microsoft.CognitiveServices/accounts/deployments/delete",
                "Microsoft.CognitiveServices/accounts/models/read",
                "Microsoft.CognitiveServices/accounts/listKeys/action",
            ])
        ],
        assignableScopes: ["/"])
}
