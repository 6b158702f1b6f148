import ARMCore
import Foundation
import JSON

/// Keyword helpers: type inference, `$ref` resolution, composition, and scalar values within bounds.
extension SchemaInstanceGenerator {
    /// The schema's type: the first non-null entry of `type`, else inferred from other keywords.
    static func type(of object: JSONObject) -> String {
        if let name = object["type"]?.stringValue { return name }
        if let names = object["type"]?.arrayValue?.compactMap(\.stringValue), let first = names.first {
            return names.first { $0 != "null" } ?? first
        }
        if object["properties"] != nil { return "object" }
        if object["items"] != nil { return "array" }
        return "string"
    }

    /// `#`, and JSON pointers into the root document (`#/$defs/Step`, `#/definitions/Step`).
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        var current = root
        for token in reference.dropFirst().split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let index = Int(key), let element = current[index] {
                current = element
            } else if let member = current[key] {
                current = member
            } else {
                return nil
            }
        }
        return current
    }

    func preferNonNull(_ branches: [JSONValue]) -> JSONValue? {
        branches.first { $0["type"]?.stringValue != "null" }
    }

    /// `allOf`: the object keywords of every part, merged into the schema itself (shallow).
    func merged(_ parts: [JSONValue], into object: JSONObject) -> JSONValue {
        var result = object
        result["allOf"] = nil
        var properties = object["properties"]?.objectValue ?? [:]
        for part in parts {
            let resolved = part["$ref"]?.stringValue.flatMap(resolve) ?? part
            for (name, value) in resolved["properties"]?.objectValue?.pairs ?? [] { properties[name] = value }
            if result["type"] == nil, let type = resolved["type"] { result["type"] = type }
        }
        if !properties.isEmpty { result["properties"] = .object(properties) }
        return .object(result)
    }

    mutating func pick(_ options: [JSONValue]) -> JSONValue? {
        options.isEmpty ? nil : options[Int(random.next() % UInt64(options.count))]
    }

    mutating func integer(_ object: JSONObject) -> Int {
        var low = object["minimum"]?.doubleValue.map { Int($0.rounded(.up)) } ?? 0
        var high = object["maximum"]?.doubleValue.map { Int($0.rounded(.down)) } ?? max(low, 0) + 100
        if let exclusive = object["exclusiveMinimum"]?.doubleValue { low = max(low, Int(exclusive.rounded(.down)) + 1) }
        if let exclusive = object["exclusiveMaximum"]?.doubleValue { high = min(high, Int(exclusive.rounded(.up)) - 1) }
        guard high > low else { return low }
        let span = UInt64(clamping: min(high - low, 1_000_000))
        return low + Int(random.next() % (span + 1))
    }

    mutating func number(_ object: JSONObject) -> Double {
        let low = object["minimum"]?.doubleValue ?? object["exclusiveMinimum"]?.doubleValue.map { $0 + 0.5 } ?? 0
        let high = object["maximum"]?.doubleValue ?? object["exclusiveMaximum"]?.doubleValue.map { $0 - 0.5 } ?? low + 100
        guard high > low else { return low }
        let fraction = Double(random.next() % 1000) / 1000
        return ((low + (high - low) * fraction) * 100).rounded() / 100
    }

    mutating func string(_ object: JSONObject, key: String) -> String {
        var value: String
        switch object["format"]?.stringValue {
        case "date-time": value = "2024-01-01T00:00:00Z"
        case "date": value = "2024-01-01"
        case "time": value = "00:00:00Z"
        case "email": value = "user@example.com"
        case "uri", "url": value = "https://example.com/"
        case "uuid": value = "00000000-0000-4000-8000-000000000000"
        default: value = text.isEmpty ? "example \(key)" : text
        }
        if let maximum = object["maxLength"]?.intValue, value.count > maximum { value = String(value.prefix(max(0, maximum))) }
        if let minimum = object["minLength"]?.intValue, value.count < minimum {
            value += String(repeating: "x", count: min(minimum - value.count, 4096))
        }
        return value
    }
}
