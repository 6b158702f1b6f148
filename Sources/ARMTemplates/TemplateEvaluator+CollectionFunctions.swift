import ARMCore
import JSON

/// Array, object and numeric functions (learn.microsoft.com "Array/Object/Numeric functions").
extension TemplateEvaluator {
    static let collectionFunctions: [String: Function] = [
        "array": { name, values in
            try arity(name, values, 1, 1)
            return values[0].arrayValue.map { .array($0) } ?? .array([values[0]])
        },
        "createarray": { _, values in .array(values) },
        "createobject": { name, values in
            guard values.count % 2 == 0 else { throw TemplateError.function(name, "the function expects an even number of arguments") }
            var object = JSONObject()
            for pair in stride(from: 0, to: values.count, by: 2) { object[try string(name, values[pair])] = values[pair + 1] }
            return .object(object)
        },
        "empty": { name, values in
            try arity(name, values, 1, 1)
            switch values[0] {
            case .null: return true
            case .string(let text): return .bool(text.isEmpty)
            case .array(let items): return .bool(items.isEmpty)
            case .object(let object): return .bool(object.isEmpty)
            default: throw TemplateError.function(name, "the argument must be a string, array or object")
            }
        },
        "length": { name, values in
            try arity(name, values, 1, 1)
            switch values[0] {
            case .string(let text): return .int(Int64(text.count))
            case .array(let items): return .int(Int64(items.count))
            case .object(let object): return .int(Int64(object.count))
            default: throw TemplateError.function(name, "the argument must be a string, array or object")
            }
        },
        "contains": { name, values in
            try arity(name, values, 2, 2)
            switch values[0] {
            case .string(let text): return .bool(text.contains(values[1].displayText))
            case .array(let items): return .bool(items.contains { equal($0, values[1]) })
            case .object(let object):
                let key = try string(name, values[1]).lowercased()
                return .bool(object.keys.contains { $0.lowercased() == key })
            default: throw TemplateError.function(name, "the first argument must be a string, array or object")
            }
        },
        "union": { name, values in
            try arity(name, values, 1, nil)
            if values.allSatisfy({ $0.objectValue != nil }) {
                return .object(values.compactMap(\.objectValue).reduce(JSONObject()) { merge($0, $1) })
            }
            guard values.allSatisfy({ $0.arrayValue != nil }) else {
                throw TemplateError.function(name, "the arguments must be all arrays or all objects")
            }
            var result: [JSONValue] = []
            for item in values.flatMap({ $0.arrayValue ?? [] }) where !result.contains(where: { equal($0, item) }) { result.append(item) }
            return .array(result)
        },
        "intersection": { name, values in
            try arity(name, values, 2, nil)
            if let first = values[0].arrayValue {
                var result: [JSONValue] = []
                for item in first
                where values.dropFirst().allSatisfy({ ($0.arrayValue ?? []).contains { equal($0, item) } })
                    && !result.contains(where: { equal($0, item) })
                { result.append(item) }
                return .array(result)
            }
            guard let first = values[0].objectValue else { throw TemplateError.function(name, "the arguments must be arrays or objects") }
            var result = JSONObject()
            for (key, value) in first.pairs where values.dropFirst().allSatisfy({ $0.objectValue?[key].map { equal($0, value) } ?? false })
            {
                result[key] = value
            }
            return .object(result)
        },
        "first": { name, values in
            try arity(name, values, 1, 1)
            if let text = values[0].stringValue { return .string(text.first.map(String.init) ?? "") }
            return values[0].arrayValue?.first ?? .null
        },
        "last": { name, values in
            try arity(name, values, 1, 1)
            if let text = values[0].stringValue { return .string(text.last.map(String.init) ?? "") }
            return values[0].arrayValue?.last ?? .null
        },
        "take": { name, values in
            try arity(name, values, 2, 2)
            let count = max(0, try integer(name, values[1]))
            if let text = values[0].stringValue { return .string(String(text.prefix(count))) }
            return .array(Array((values[0].arrayValue ?? []).prefix(count)))
        },
        "skip": { name, values in
            try arity(name, values, 2, 2)
            let count = max(0, try integer(name, values[1]))
            if let text = values[0].stringValue { return .string(String(text.dropFirst(count))) }
            return .array(Array((values[0].arrayValue ?? []).dropFirst(count)))
        },
        "range": { name, values in
            try arity(name, values, 2, 2)
            let (start, count) = (try integer(name, values[0]), try integer(name, values[1]))
            guard count >= 0, count <= 10_000 else { throw TemplateError.function(name, "the count must be between 0 and 10000") }
            guard count == 0 || !start.addingReportingOverflow(count - 1).overflow else { throw overflow(name) }
            return .array((0..<count).map { .int(Int64(start + $0)) })
        },
        "coalesce": { _, values in values.first { $0 != .null } ?? .null },
        "objectkeys": { name, values in
            try arity(name, values, 1, 1)
            return .array((values[0].objectValue?.keys ?? []).map { .string($0) })
        },
        "items": { name, values in
            try arity(name, values, 1, 1)
            let object = values[0].objectValue ?? JSONObject()
            return .array(object.keys.sorted().map { key in ["key": .string(key), "value": object[key] ?? .null] })
        },
    ]

    static let numericFunctions: [String: Function] = [
        // Checked arithmetic: a template is untrusted input, and an overflow must be a template
        // error, not a trap that takes the emulator down (found by scripts/fuzz).
        "add": { name, values in try checked(name, values) { $0.addingReportingOverflow($1) } },
        "sub": { name, values in try checked(name, values) { $0.subtractingReportingOverflow($1) } },
        "mul": { name, values in try checked(name, values) { $0.multipliedReportingOverflow(by: $1) } },
        "div": { name, values in
            try arity(name, values, 2, 2)
            let divisor = try integer(name, values[1])
            guard divisor != 0 else { throw TemplateError.function(name, "the divisor must not be zero") }
            return try checked(name, values) { $0.dividedReportingOverflow(by: $1) }
        },
        "mod": { name, values in
            try arity(name, values, 2, 2)
            let divisor = try integer(name, values[1])
            guard divisor != 0 else { throw TemplateError.function(name, "the divisor must not be zero") }
            return try checked(name, values) { $0.remainderReportingOverflow(dividingBy: $1) }
        },
        "min": { name, values in
            let numbers = try (values.count == 1 ? values[0].arrayValue ?? [] : values).map { try integer(name, $0) }
            guard let minimum = numbers.min() else { throw TemplateError.function(name, "at least one value is required") }
            return .int(Int64(minimum))
        },
        "max": { name, values in
            let numbers = try (values.count == 1 ? values[0].arrayValue ?? [] : values).map { try integer(name, $0) }
            guard let maximum = numbers.max() else { throw TemplateError.function(name, "at least one value is required") }
            return .int(Int64(maximum))
        },
        "greater": { name, values in try compare(name, values) { $0 > 0 } },
        "greaterorequals": { name, values in try compare(name, values) { $0 >= 0 } },
        "less": { name, values in try compare(name, values) { $0 < 0 } },
        "lessorequals": { name, values in try compare(name, values) { $0 <= 0 } },
    ]

    /// Two integer arguments combined with overflow detection (EMULATOR CHOICE: ARM's message for an
    /// overflowing function is not documented; this is its InvalidTemplate shape).
    static func checked(
        _ name: String, _ values: [JSONValue], _ operation: (Int, Int) -> (partialValue: Int, overflow: Bool)
    ) throws -> JSONValue {
        try arity(name, values, 2, 2)
        let result = operation(try integer(name, values[0]), try integer(name, values[1]))
        guard !result.overflow else { throw overflow(name) }
        return .int(Int64(result.partialValue))
    }

    static func overflow(_ name: String) -> TemplateError {
        TemplateError.function(name, "the result is outside the range of a 64-bit integer")
    }

    static func compare(_ name: String, _ values: [JSONValue], _ test: (Int) -> Bool) throws -> JSONValue {
        try arity(name, values, 2, 2)
        switch (values[0], values[1]) {
        case (.string(let a), .string(let b)): return .bool(test(a == b ? 0 : (a < b ? -1 : 1)))
        default:
            let (a, b) = (try integer(name, values[0]), try integer(name, values[1]))
            return .bool(test(a == b ? 0 : (a < b ? -1 : 1)))
        }
    }

    /// `union()` of objects: later values win; nested objects merge (ARM's deep union).
    static func merge(_ base: JSONObject, _ other: JSONObject) -> JSONObject {
        var result = base
        for (key, value) in other.pairs {
            if case .object(let existing) = result[key], case .object(let incoming) = value {
                result[key] = .object(merge(existing, incoming))
            } else {
                result[key] = value
            }
        }
        return result
    }
}
