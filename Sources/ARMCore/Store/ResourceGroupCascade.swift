/// Clean-up a provider runs when a resource group is deleted. ARM deletes every resource in the
/// group with it (docs/azure-behaviours.md "Resource groups"); the emulator removes them from the
/// store in one step, so a provider whose resources reach outside the group (identities in the
/// directory, role assignments or secrets on resources in other groups, links kept by other
/// resources) undoes that part here, as its own DELETE would.
///
/// `ResourcesProvider` calls every registered cascade once per deleted group, after the removal,
/// with everything that was removed (the group itself included) and the group's DELETE `request`,
/// on whose behalf a first-party service sends what it undoes in other providers through
/// `InternalRequests`. Implementations must tolerate resources that are already gone and never
/// throw: the group is deleted whatever they find.
package protocol ResourceGroupCascade: Sendable {
    func resourceGroupDeleted(_ group: ResourceID, removed: [StoredResource], for request: ARMRequest) async
}
