/// An insertion-ordered JSON object with case-sensitive keys (RFC 8259).
///
/// Members live in one array of key/value pairs: one allocation per object (ARM bodies and
/// chat completions are trees of small objects; two parallel arrays cost twice the mallocs and
/// headers, docs/performance.md). Small objects (most of ARM's) are searched linearly, which beats
/// hashing every key; from `indexThreshold` members on, a key -> position dictionary is kept as
/// well, so large objects stay O(1) per lookup.
package struct JSONObject: Sendable, Equatable {
    /// Key/value pairs in insertion order.
    package private(set) var pairs: [(key: String, value: JSONValue)] = []
    private var index: [String: Int]?

    static let indexThreshold = 16

    package init() {}

    package init(_ pairs: [(String, JSONValue)]) {
        self.pairs.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// Members already known to be distinct (read from an object), kept without the key index a
    /// large object otherwise gets: for objects that are kept long and read by key rarely (events
    /// read back into the activity log), where the index (a dictionary per object) would outweigh
    /// the members. Lookups search linearly; the first insertion of a new key builds the index.
    package init(distinctMembers pairs: [(key: String, value: JSONValue)]) {
        self.pairs = pairs
    }

    /// The members of a literal, whose keys the code spells out and keeps distinct (checked in debug
    /// builds, as `Dictionary` traps on a duplicate): no search per key. Literals build every
    /// response body, so the search showed in a profile of chat completions.
    init(literal pairs: [(String, JSONValue)]) {
        assert(Set(pairs.map(\.0)).count == pairs.count, "duplicate key in a JSON object literal")
        self.pairs.reserveCapacity(pairs.count)
        for (key, value) in pairs { append(key, value) }
    }

    /// Room for `count` members in all, so an object built member by member holds no spare room
    /// (stored bodies live as long as their resource).
    package mutating func reserveCapacity(_ count: Int) { pairs.reserveCapacity(count) }

    package var count: Int { pairs.count }
    package var isEmpty: Bool { pairs.isEmpty }

    /// The keys in insertion order.
    package var keys: [String] { pairs.map(\.key) }

    /// Setting nil removes the key.
    package subscript(key: String) -> JSONValue? {
        get { position(of: key).map { pairs[$0].value } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    pairs[position].value = newValue
                } else {
                    remove(at: position)
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    /// Same members with the same values, in any order.
    package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if zip(lhs.pairs, rhs.pairs).allSatisfy({ $0.key == $1.key }) {
            return zip(lhs.pairs, rhs.pairs).allSatisfy { $0.value == $1.value }
        }
        for member in lhs.pairs {
            guard let position = rhs.position(of: member.key), rhs.pairs[position].value == member.value else { return false }
        }
        return true
    }

    /// Adds a key not yet present and answers true; answers false when the key already exists
    /// (the parser then rejects the document).
    mutating func insertNew(_ key: String, _ value: JSONValue) -> Bool {
        if position(of: key) != nil { return false }
        append(key, value)
        return true
    }

    /// The value of a key known to be present (iteration over `keys` without building `pairs`).
    func value(forExistingKey key: String) -> JSONValue { self[key] ?? .null }

    /// Calls `body` with every member in insertion order.
    func forEachMember(_ body: (String, JSONValue) throws -> Void) rethrows {
        for member in pairs { try body(member.key, member.value) }
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return pairs.firstIndex { $0.key == key }
    }

    private mutating func append(_ key: String, _ value: JSONValue) {
        pairs.append((key, value))
        if index != nil {
            index![key] = pairs.count - 1
        } else if pairs.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func remove(at position: Int) {
        pairs.remove(at: position)
        if pairs.count > Self.indexThreshold { rebuildIndex() } else { index = nil }
    }

    private mutating func rebuildIndex() {
        var fresh = [String: Int](minimumCapacity: pairs.count)
        for (offset, member) in pairs.enumerated() { fresh[member.key] = offset }
        index = fresh
    }
}
