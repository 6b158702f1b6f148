import ARMCore

extension ResourceID {
    /// What `GET .../resources` lists: a resource group's direct provider resources
    /// (`.../providers/{ns}/{type}/{name}`), not child or extension resources (docs/azure-behaviours.md "Generic resource lists and
    /// $filter"). Role assignments and definitions at group scope are extension resources of the group, which
    /// ARM never lists among its resources.
    var isTopLevelProviderResource: Bool {
        resourceGroup != nil && providers.count == 1 && providers[0].types.count == 1
            && providers[0].namespace.lowercased() != "microsoft.authorization"
    }
}
