/// A JSON document. ARM bodies carry arbitrary RP-defined `properties`, so resources are stored as
/// JSON values rather than as Codable structs. Objects keep insertion order so that responses read
/// like Azure's (`id`, `name`, `type` first).
package enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Integers that fit in Int64 stay exact (capacities, counts).
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}
