import ARMCore
import JSON

extension JSONValue {
    /// ARM's type name for messages: `String`, `Integer`, `Boolean`, `Object`, `Array`, `Null`.
    var templateTypeName: String {
        switch self {
        case .null: "Null"
        case .bool: "Boolean"
        case .int, .double: "Integer"
        case .string: "String"
        case .array: "Array"
        case .object: "Object"
        }
    }

    /// The text `string()`, `concat()` and `format()` produce: strings as they are, numbers in
    /// decimal, booleans as .NET writes them (`True`/`False`), arrays and objects as compact JSON.
    var displayText: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "True" : "False"
        case .int(let value): String(value)
        case .double(let value): value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .string(let value): value
        case .array, .object: compactString
        }
    }
}

extension TemplateEvaluator {
    /// `equals()`: deep equality; integers and whole doubles compare by value; object keys by name.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.pairs.allSatisfy { pair in b[pair.key].map { equal(pair.value, $0) } ?? false }
        default: return lhs == rhs
        }
    }
}
