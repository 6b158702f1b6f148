/// The types generic listings may show (`GET .../resources`, `az resource list`): only those a
/// provider's registration declares, as ARM lists only registered resource types. Objects that
/// other layers keep in the store below a resource (the agent service's agents, conversations,
/// threads, stored responses under a Foundry project) have types no registration declares, so they
/// never appear there (docs/agents.md, "Where agent state lives").
extension ResourceProviderRegistration {
    /// Lower-cased full types (`microsoft.cognitiveservices/accounts/deployments`) of `registrations`.
    package static func declaredTypes(_ registrations: [ResourceProviderRegistration]) -> Set<String> {
        var types = Set<String>()
        for registration in registrations {
            for type in registration.resourceTypes { types.insert((registration.namespace + "/" + type.name).lowercased()) }
        }
        return types
    }
}
