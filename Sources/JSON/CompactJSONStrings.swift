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
        /// The last entries found, by a cheap mix of the string's length and end bytes, in front of
        /// the dictionaries: a PUT's body looks up some twenty names and values, and hashing each
        /// for the dictionary (SipHash) was 4% of the PUT's instructions (callgrind). A line holds
        /// one entry and is checked against the slot's text, so a collision only costs a miss.
        private var recentKeys = [Entry](repeating: Entry(index: -1, internsValues: false), count: Interning.recentLines)
        private var recentValues = [Int](repeating: -1, count: Interning.recentLines)
        private static let recentLines = 512

        fileprivate init(slots: UnsafeMutablePointer<String>, capacity: Int, valueKeys: Set<String>) {
            self.slots = slots
            self.capacity = capacity
            self.valueKeys = valueKeys
        }

        /// The index of a member name, and whether its values are interned; nil when the table is full.
        mutating func key(_ key: String) -> Entry? {
            let line = Self.recentLine(of: key)
            let recent = recentKeys[line]
            if recent.index >= 0, slots[recent.index] == key { return recent }
            let entry: Entry
            if let found = keys[key] {
                entry = found
            } else {
                guard let index = claim(key) else { return nil }
                entry = Entry(index: index, internsValues: valueKeys.contains(key))
                keys[key] = entry
            }
            recentKeys[line] = entry
            return entry
        }

        /// The index of a value string; nil when the table is full.
        mutating func value(_ value: String) -> Int? {
            let line = Self.recentLine(of: value)
            let recent = recentValues[line]
            if recent >= 0, slots[recent] == value { return recent }
            let index: Int
            if let found = values[value] {
                index = found
            } else {
                guard let claimed = claim(value) else { return nil }
                index = claimed
                values[value] = index
            }
            recentValues[line] = index
            return index
        }

        /// A line of the recent entries for `text`: its length and up to eight bytes from each end,
        /// multiplied into the top bits. Not a defence against chosen collisions, and not meant to
        /// be: a line that misses falls through to the dictionary.
        private static func recentLine(of text: String) -> Int {
            var mixed = UInt64(truncatingIfNeeded: text.utf8.count)
            let ends = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
                guard let base = UnsafeRawPointer(bytes.baseAddress) else { return 0 }
                if bytes.count >= 8 {
                    let head = base.loadUnaligned(as: UInt64.self)
                    let tail = base.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
                    return head ^ (tail << 29 | tail >> 35)
                }
                var word: UInt64 = 0
                for byte in bytes { word = word << 8 | UInt64(byte) }
                return word
            }
            mixed ^= ends ?? UInt64(truncatingIfNeeded: text.hashValue)
            mixed = (mixed ^ mixed >> 31) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: mixed >> 55)  // 9 bits: 512 lines
        }

        private mutating func claim(_ string: String) -> Int? {
            guard count < capacity, string.utf8.count <= 256 else { return nil }
            (slots + count).initialize(to: string)
            count += 1
            return count - 1
        }
    }
}
