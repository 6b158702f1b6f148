import JSON
import Synchronization

/// Bodies read back from their compact form, for the resources read most: a chat completion reads
/// its account's and deployment's bodies on every request, and reading back an account's body
/// each time cost more than finding it here (docs/performance.md "Fifth pass"). Keyed by etag (a
/// fresh GUID per write) and checked against the very buffer read, which the entry keeps alive,
/// so an entry never answers for another version. Bounded: when full it starts over.
final class ReadBackBodies: Sendable {
    struct Entry: Sendable {
        let compact: CompactJSON
        let body: JSONObject
    }

    static let shared = ReadBackBodies(capacity: 256)

    private let entries = Mutex<[String: Entry]>([:])
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The body of `compact`, read back with `id` and `etag`, found here or read and kept.
    func body(of compact: CompactJSON, id: String, etag: String) -> JSONObject {
        if let entry = entries.withLock({ $0[etag] }), Self.same(entry.compact, compact) { return entry.body }
        let body = compact.object(sharing: id, etag)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[etag] = Entry(compact: compact, body: body)
        }
        return body
    }

    private static func same(_ lhs: CompactJSON, _ rhs: CompactJSON) -> Bool {
        lhs.bytes.withUnsafeBufferPointer { left in rhs.bytes.withUnsafeBufferPointer { $0.baseAddress == left.baseAddress } }
    }

    var count: Int { entries.withLock { $0.count } }
}
