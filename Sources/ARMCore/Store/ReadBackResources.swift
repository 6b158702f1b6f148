import Synchronization

/// Records read back from their compact form, for the resources read most: a chat completion reads
/// its account and deployment on every request, and reading back an account's body each time
/// cost more than finding it here (docs/performance.md "Compact storage and the PUT tail"). Keyed by the kept record,
/// which is immutable and which the entry keeps alive, so an entry never answers for another
/// version. Bounded: when full it starts over.
final class ReadBackResources: Sendable {
    struct Entry: Sendable {
        let record: CompactResource
        let resource: StoredResource
    }

    static let shared = ReadBackResources(capacity: 256)

    private let entries = Mutex<[ObjectIdentifier: Entry]>([:])
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// `record` read back, found here or read and kept.
    func resource(of record: CompactResource) -> StoredResource {
        let key = ObjectIdentifier(record)
        if let entry = entries.withLock({ $0[key] }), entry.record === record { return entry.resource }
        let resource = record.readBack()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(record: record, resource: resource)
        }
        return resource
    }

    var count: Int { entries.withLock { $0.count } }
}
