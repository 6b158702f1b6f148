import Synchronization

/// The wire bytes of stored resources' bodies, keyed by etag. Every write issues a new etag (a
/// fresh GUID), so an etag names one version of one resource and its bytes never go stale: a GET
/// of an unchanged resource sends them again instead of serializing its JSON tree every time
/// (docs/performance.md). Bounded: when full it starts over, so it holds the hot resources only.
package final class RenderedBodyCache: Sendable {
    private let entries = Mutex<[String: [UInt8]]>([:])
    let capacity: Int

    package init(capacity: Int = 1024) {
        self.capacity = max(1, capacity)
    }

    /// The compact JSON of `resource.body`, rendered on the first call for its etag.
    package func bytes(of resource: StoredResource) -> [UInt8] {
        if let cached = entries.withLock({ $0[resource.etag] }) { return cached }
        let bytes = resource.body.serialized()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[resource.etag] = bytes
        }
        return bytes
    }

    package var count: Int { entries.withLock { $0.count } }
}
