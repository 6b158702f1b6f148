import Synchronization

/// The process-wide table of strings `CompactJSON` writes as a small number instead of their bytes:
/// member names, and the values of the members that ARM bodies repeat across resources (`type`,
/// `location`, `systemData`'s callers, `provisioningState`; docs/performance.md). Append-only and
/// bounded: once full, new strings are written out in full, so the bytes stay correct whatever
/// the table holds.
///
/// Interning runs under a lock; reading a slot does not: a slot is written once, under the lock,
/// before any encoding that names it exists, and encodings reach other threads through locks
/// (the store's), which order the slot's write before the read.
final class CompactJSONStrings: @unchecked Sendable {
    struct Entry {
        let index: Int
        /// Values under this member name are interned too.
        let internsValues: Bool
    }

    /// Not `name` nor `version`: under them most values are one resource's own, and each would
    /// take a slot for good.
    static let shared = CompactJSONStrings(
        capacity: 1 << 16,
        valueKeys: [
            "type", "location", "kind", "provisioningState", "createdBy", "createdByType", "lastModifiedBy",
            "lastModifiedByType", "tier", "family", "size", "publicNetworkAccess", "format",
        ])

    let capacity: Int
    private let slots: UnsafeMutablePointer<String>
    private let lookup: Mutex<Interning>

    init(capacity: Int, valueKeys: Set<String>) {
        self.capacity = capacity
        let slots = UnsafeMutablePointer<String>.allocate(capacity: capacity)
        self.slots = slots
        lookup = Mutex(Interning(slots: slots, capacity: capacity, valueKeys: valueKeys))
    }

    deinit {
        _ = lookup.withLock { slots.deinitialize(count: $0.count) }
        slots.deallocate()
    }

    /// The string of `index`, which an encoding read from this table named.
    subscript(index: Int) -> String { slots[index] }

    /// Runs `body` with the table locked once for a whole encoding.
    func withInterning<Result>(_ body: (inout Interning) -> Result) -> Result {
        lookup.withLock { body(&$0) }
    }

    /// The table's lookup side, used while it is locked (so the slots it writes are never raced).
    struct Interning: @unchecked Sendable {
        private let slots: UnsafeMutablePointer<String>
        private let capacity: Int
        private let valueKeys: Set<String>
        private var keys: [String: Entry] = [:]
        private var values: [String: Int] = [:]
        private(set) var count = 0

        fileprivate init(slots: UnsafeMutablePointer<String>, capacity: Int, valueKeys: Set<String>) {
            self.slots = slots
            self.capacity = capacity
            self.valueKeys = valueKeys
        }

        /// The index of a member name, and whether its values are interned; nil when the table is full.
        mutating func key(_ key: String) -> Entry? {
            if let entry = keys[key] { return entry }
            guard let index = claim(key) else { return nil }
            let entry = Entry(index: index, internsValues: valueKeys.contains(key))
            keys[key] = entry
            return entry
        }

        /// The index of a value string; nil when the table is full.
        mutating func value(_ value: String) -> Int? {
            if let index = values[value] { return index }
            guard let index = claim(value) else { return nil }
            values[value] = index
            return index
        }

        private mutating func claim(_ string: String) -> Int? {
            guard count < capacity, string.utf8.count <= 256 else { return nil }
            (slots + count).initialize(to: string)
            count += 1
            return count - 1
        }
    }
}
