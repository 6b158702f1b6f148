import ARMCore
import JSON

/// A small JSON-schema validator for the keywords `SchemaInstanceGenerator` supports, so tests can check
/// conformance independently of the generator.
struct SchemaValidator {
    let root: JSONValue

    func errors(_ value: JSONValue, _ schema: JSONValue, path: String = "$", depth: Int = 0) -> [String] {
        guard depth < 64, let object = schema.objectValue else { return [] }
        if let reference = object["$ref"]?.stringValue {
            guard let target = resolve(reference) else { return ["\(path): unresolved \(reference)"] }
            return errors(value, target, path: path, depth: depth + 1)
        }
        if let constant = object["const"], value != constant { return ["\(path): not const"] }
        if let options = object["enum"]?.arrayValue, !options.contains(value) { return ["\(path): not in enum"] }
        if let branches = (object["anyOf"] ?? object["oneOf"])?.arrayValue {
            let matching = branches.contains { errors(value, $0, path: path, depth: depth + 1).isEmpty }
            if !matching { return ["\(path): no branch"] }
        }
        var found: [String] = []
        if let type = object["type"]?.stringValue, !matches(value, type) { return ["\(path): not \(type)"] }
        if case .object(let members) = value {
            for name in object["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                found.append("\(path): missing \(name)")
            }
            for (name, member) in members.pairs {
                guard let property = object["properties"]?[name] else { continue }
                found += errors(member, property, path: "\(path).\(name)", depth: depth + 1)
            }
        }
        if case .array(let items) = value {
            if let minimum = object["minItems"]?.intValue, items.count < minimum { found.append("\(path): too few items") }
            if let maximum = object["maxItems"]?.intValue, items.count > maximum { found.append("\(path): too many items") }
            for (offset, item) in items.enumerated() {
                if let itemSchema = object["items"] { found += errors(item, itemSchema, path: "\(path)[\(offset)]", depth: depth + 1) }
            }
        }
        if case .string(let text) = value {
            if let minimum = object["minLength"]?.intValue, text.count < minimum { found.append("\(path): too short") }
            if let maximum = object["maxLength"]?.intValue, text.count > maximum { found.append("\(path): too long") }
        }
        if let number = value.doubleValue {
            if let minimum = object["minimum"]?.doubleValue, number < minimum { found.append("\(path): below minimum") }
            if let maximum = object["maximum"]?.doubleValue, number > maximum { found.append("\(path): above maximum") }
        }
        return found
    }

    func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("integer", .int),
            ("number", .int), ("number", .double):
            return true
        default:
            return false
        }
    }

    func resolve(_ reference: String) -> JSONValue? {
        var current = root
        for token in reference.dropFirst().split(separator: "/") {
            guard let next = current[String(token)] else { return nil }
            current = next
        }
        return current
    }
}
