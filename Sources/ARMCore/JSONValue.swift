/// A JSON document. ARM bodies carry arbitrary RP-defined `properties`, so resources are stored as
/// JSON values rather than as Codable structs. Objects keep insertion order so that responses read
/// like Azure's (`id`, `name`, `type` first).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Integers that fit in Int64 stay exact (capacities, counts).
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// An insertion-ordered JSON object with case-sensitive keys (RFC 8259).
///
/// Keys and values live in two parallel arrays. Small objects (most of ARM's) are searched
/// linearly, which beats hashing every key; from `indexThreshold` members on, a key -> position
/// dictionary is kept as well, so large objects stay O(1) per lookup.
public struct JSONObject: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var values: [JSONValue] = []
    private var index: [String: Int]?

    static let indexThreshold = 16

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs { self[key] = value }
    }

    /// The members of a literal, whose keys the code spells out and keeps distinct (checked in debug
    /// builds, as `Dictionary` traps on a duplicate): no search per key. Literals build every
    /// response body, so the search showed in a profile of chat completions.
    init(literal pairs: [(String, JSONValue)]) {
        assert(Set(pairs.map(\.0)).count == pairs.count, "duplicate key in a JSON object literal")
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs { append(key, value) }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Setting nil removes the key.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { values[$0] } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    values[position] = newValue
                } else {
                    remove(at: position)
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    /// Key/value pairs in insertion order.
    public var pairs: [(key: String, value: JSONValue)] { zip(keys, values).map { ($0, $1) } }

    /// Same members with the same values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.keys == rhs.keys { return lhs.values == rhs.values }
        for (offset, key) in lhs.keys.enumerated() {
            guard let position = rhs.position(of: key), rhs.values[position] == lhs.values[offset] else { return false }
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

    /// Calls `body` with every member in insertion order, without building `pairs`.
    func forEachMember(_ body: (String, JSONValue) throws -> Void) rethrows {
        for offset in keys.indices { try body(keys[offset], values[offset]) }
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    private mutating func append(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
        if index != nil {
            index![key] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func remove(at position: Int) {
        keys.remove(at: position)
        values.remove(at: position)
        if keys.count > Self.indexThreshold { rebuildIndex() } else { index = nil }
    }

    private mutating func rebuildIndex() {
        var fresh = [String: Int](minimumCapacity: keys.count)
        for (offset, key) in keys.enumerated() { fresh[key] = offset }
        index = fresh
    }
}
