import Synchronization

extension StoredResource {
    /// One shared copy of each subscription id the stored ids name (a handful), instead of one per
    /// resource from its request's path: ids longer than 15 bytes are heap objects, and every
    /// request path carries its own. Process-wide, so that a write can share it before it takes
    /// the store's lock (`ResourceStore.upsert`).
    private static let subscriptionIDs = Mutex(Set<String>())

    /// This resource with its id's subscription id replaced by the shared equal copy.
    func sharingSubscriptionID() -> StoredResource {
        guard let subscriptionID = id.subscriptionID, subscriptionID.utf8.count > 15 else { return self }
        let (inserted, shared) = Self.subscriptionIDs.withLock { $0.insert(subscriptionID) }
        if inserted { return self }
        var result = self
        result.id = id.sharing(subscriptionID: shared)
        return result
    }
}
