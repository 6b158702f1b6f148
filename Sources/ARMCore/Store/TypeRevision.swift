import Synchronization

/// One resource type's count of writes and removals, read without the store's lock. Readers that
/// cache what they derive from a type (the RBAC engine's role assignments, the data plane's account
/// index) ask on every request; taking the store's lock for it made both event loops queue behind
/// each other's writes (a PUT's profile spent ~4% of its samples waiting there; docs/performance.md
/// "Locks on the write path"). The store bumps the count under its lock, after the write, and
/// never resets it (a reset or a restore bumps every count), so equal revisions mean no resource
/// of the type changed in between.
package final class TypeRevision: Sendable {
    private let writes = Atomic<UInt64>(0)

    /// Read before reading the store: a cache entry is then never newer than its revision says
    /// (a write in between only makes the next reader rebuild).
    package var current: ResourceStore.Revision { ResourceStore.Revision(count: writes.load(ordering: .acquiring)) }

    func bump() { writes.wrappingAdd(1, ordering: .releasing) }
}
