import ARMCore
import JSON

/// Builds a JSON instance that conforms to a JSON schema, for Structured Outputs and tool-call arguments.
/// Supported keywords: `type` (or a list of types), `enum`, `const`, `properties`/`required`, `items`,
/// `minItems`/`maxItems`, `minLength`/`maxLength`, `minimum`/`maximum` (and exclusive forms), `format`
/// (date-time, date, time, email, uri, uuid), `$ref` into the document (`#`, `#/$defs/...`,
/// `#/definitions/...`), `anyOf`/`oneOf` (first branch) and `allOf` (merged objects).
///
/// Work is bounded so that a hostile schema cannot exhaust the stack or the CPU: at most `maximumDepth`
/// levels (a `$ref` counts as one) and `nodeBudget` generated values. Past either bound the generator
/// answers the smallest value of the schema's type, which may then miss `required` or `minItems`.
package struct SchemaInstanceGenerator {
    package static let maximumDepth = 24
    /// Past this depth optional properties are left out and arrays hold only `minItems` items, so that
    /// recursive schemas (trees through `$ref`) end in leaves instead of hitting the hard bound.
    static let optionalDepth = 6
    package static let nodeBudget = 2_000
    static let maximumArrayItems = 8

    let root: JSONValue
    /// Text for free-form string fields (the answer or the user's words).
    let text: String
    var random: SplitMix64
    var remaining = nodeBudget

    package init(root: JSONValue, text: String, seed: UInt64) {
        self.root = root
        self.text = text
        self.random = SplitMix64(seed: seed)
    }

    package mutating func instance() -> JSONValue {
        instance(of: root, key: "value", depth: 0)
    }

    mutating func instance(of schema: JSONValue, key: String, depth: Int) -> JSONValue {
        remaining -= 1
        guard let object = schema.objectValue else { return .string(text) }  // `true`/`{}` accept anything
        if depth >= Self.maximumDepth || remaining <= 0 { return minimal(object) }
        if let reference = object["$ref"]?.stringValue {
            guard let target = resolve(reference) else { return minimal(object) }
            return instance(of: target, key: key, depth: depth + 1)
        }
        if let constant = object["const"] { return constant }
        if let options = object["enum"]?.arrayValue, let first = options.first { return pick(options) ?? first }
        if let branches = (object["anyOf"] ?? object["oneOf"])?.arrayValue, let first = branches.first {
            return instance(of: preferNonNull(branches) ?? first, key: key, depth: depth + 1)
        }
        if let parts = object["allOf"]?.arrayValue { return instance(of: merged(parts, into: object), key: key, depth: depth + 1) }
        return typed(object, type: Self.type(of: object), key: key, depth: depth)
    }

    private mutating func typed(_ object: JSONObject, type: String, key: String, depth: Int) -> JSONValue {
        switch type {
        case "object": return objectInstance(object, depth: depth)
        case "array": return arrayInstance(object, key: key, depth: depth)
        case "integer": return .int(Int64(integer(object)))
        case "number": return .double(number(object))
        case "boolean": return .bool(random.next() & 1 == 0)
        case "null": return .null
        default: return .string(string(object, key: key))
        }
    }

    private mutating func objectInstance(_ object: JSONObject, depth: Int) -> JSONValue {
        var result = JSONObject()
        guard let properties = object["properties"]?.objectValue else { return .object(result) }
        let required = Set(object["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        for name in properties.keys where depth < Self.optionalDepth || required.contains(name) {
            result[name] = instance(of: properties[name] ?? .null, key: name, depth: depth + 1)
        }
        return .object(result)
    }

    private mutating func arrayInstance(_ object: JSONObject, key: String, depth: Int) -> JSONValue {
        let minimum = max(0, object["minItems"]?.intValue ?? 0)
        let maximum = object["maxItems"]?.intValue ?? Int.max
        let wanted = depth < Self.optionalDepth ? max(minimum, min(1, maximum)) : minimum
        let count = min(wanted, Self.maximumArrayItems)
        let items = object["items"] ?? .object([:])
        var values: [JSONValue] = []
        for _ in 0..<max(0, count) where remaining > 0 { values.append(instance(of: items, key: key, depth: depth + 1)) }
        return .array(values)
    }

    /// The smallest value of the schema's type, with no recursion.
    func minimal(_ object: JSONObject) -> JSONValue {
        var object = object
        for _ in 0..<8 {  // a few hops through `$ref` chains to learn the type; cycles give up
            guard let reference = object["$ref"]?.stringValue, let target = resolve(reference)?.objectValue else { break }
            object = target
        }
        if let constant = object["const"] { return constant }
        if let first = object["enum"]?.arrayValue?.first { return first }
        switch Self.type(of: object) {
        case "object": return .object([:])
        case "array": return .array([])
        case "integer": return .int(Int64(object["minimum"]?.intValue ?? 0))
        case "number": return .double(object["minimum"]?.doubleValue ?? 0)
        case "boolean": return .bool(false)
        case "null": return .null
        default: return .string(String(repeating: "x", count: max(0, min(object["minLength"]?.intValue ?? 0, 64))))
        }
    }
}
