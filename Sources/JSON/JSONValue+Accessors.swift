/// Typed views of a JSON value. They answer nil for a value of another kind, so handlers can
/// validate bodies with `guard let name = body["name"]?.stringValue else { ... }`.
extension JSONValue {
    /// The member `key` of an object; nil for a missing key or a non-object. Setting on a
    /// non-object turns it into an object; setting nil removes the key.
    package subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let object) = self else { return nil }
            return object[key]
        }
        set {
            var object = objectValue ?? JSONObject()
            object[key] = newValue
            self = .object(object)
        }
    }

    /// The element at `index` of an array; nil when out of range or not an array.
    package subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }

    package var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// `.int`, or a `.double` with an integral value that fits (`10.0` is 10).
    package var intValue: Int? {
        switch self {
        case .int(let number): return Int(exactly: number)
        case .double(let number): return Int(exactly: number)
        default: return nil
        }
    }

    package var doubleValue: Double? {
        switch self {
        case .int(let number): return Double(number)
        case .double(let number): return number
        default: return nil
        }
    }

    package var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    package var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    package var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    package var isNull: Bool { self == .null }

    /// The JSON kind as ARM messages name it ("String", "Object", ...).
    package var kindName: String {
        switch self {
        case .null: "Null"
        case .bool: "Boolean"
        case .int: "Integer"
        case .double: "Float"
        case .string: "String"
        case .array: "Array"
        case .object: "Object"
        }
    }
}

extension JSONObject {
    /// Looks up a key ignoring case, as ARM does for property names it owns (`location`, `tags`).
    /// An exact match wins.
    package func value(forKeyIgnoringCase key: String) -> JSONValue? {
        if let exact = self[key] { return exact }
        let lowered = key.lowercased()
        for candidate in keys where candidate.lowercased() == lowered { return self[candidate] }
        return nil
    }
}

extension JSONValue: CustomStringConvertible {
    package var description: String { compactString }
}

extension JSONObject: CustomStringConvertible {
    package var description: String { JSONValue.object(self).compactString }
}
