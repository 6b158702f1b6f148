import ARMCore

/// Dependent resources a workspace PUT will create once everything is validated (so a refused PUT
/// writes nothing): ids of missing storage accounts, vaults, registries and components.
struct PendingDependents: Sendable {
    var missing: [ResourceID] = []
}
