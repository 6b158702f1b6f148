/// One change to a `ResourceStore`, as its observer sees it (durability: the journal records these).
/// Each carries the complete new value of what changed, so replaying a suffix of the changes twice
/// gives the same state (snapshots rely on that).
package enum ResourceStoreChange: Sendable, Equatable {
    /// The resource was created or replaced; the value is the whole stored record.
    case put(StoredResource)
    /// The resource with this id was removed.
    case delete(ResourceID)
    /// Everything was removed (operator `reset`).
    case removeAll
    /// The whole content was replaced (state import).
    case replaceAll([StoredResource])
}
