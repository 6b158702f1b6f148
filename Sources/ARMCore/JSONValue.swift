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
public struct JSONObject: Sendable, Equatable {
    public private(set) var keys: [String] = []
    private var storage: [String: JSONValue] = [:]

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Setting nil removes the key.
    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Key/value pairs in insertion order.
    public var pairs: [(key: String, value: JSONValue)] { keys.map { ($0, storage[$0]!) } }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.storage == rhs.storage }

    /// Adds a key not yet present and answers true; answers false when the key already exists
    /// (the parser then rejects the document). One hash lookup per member on the parse path.
    mutating func insertNew(_ key: String, _ value: JSONValue) -> Bool {
        if storage.updateValue(value, forKey: key) != nil { return false }
        keys.append(key)
        return true
    }

    /// The value of a key known to be present (iteration over `keys` without building `pairs`).
    func value(forExistingKey key: String) -> JSONValue { storage[key] ?? .null }
}
