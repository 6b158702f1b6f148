import ARMCore
import JSON

/// Typed access to one JSON object of a request body, naming every member by its full path
/// (`messages[1].role`) so that a 400 says which field was wrong, as OpenAI's `param` does.
/// An explicit `null` counts as absent: the SDKs send `null` for optional fields they were given as None.
struct BodyReader {
    let object: JSONObject
    let path: String

    init(_ object: JSONObject, path: String = "") {
        self.object = object
        self.path = path
    }

    /// Reads a request body, which must be a JSON object.
    init(body: JSONValue) throws(InferenceError) {
        guard let object = body.objectValue else {
            throw .badRequest("The request body must be a JSON object.", param: nil, code: "invalid_request_body")
        }
        self.init(object)
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func value(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    func string(_ key: String) throws(InferenceError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.stringValue else { throw .invalidType(name(key), expected: "a string", got: value) }
        return text
    }

    func requiredString(_ key: String) throws(InferenceError) -> String {
        guard let text = try string(key) else { throw .missing(name(key)) }
        return text
    }

    func bool(_ key: String) throws(InferenceError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let flag = value.boolValue else { throw .invalidType(name(key), expected: "a boolean", got: value) }
        return flag
    }

    /// An integer within `range` (either bound may be open).
    func integer(_ key: String, minimum: Int? = nil, maximum: Int? = nil) throws(InferenceError) -> Int? {
        guard let value = value(key) else { return nil }
        guard let number = value.intValue else { throw .invalidType(name(key), expected: "an integer", got: value) }
        if let minimum, number < minimum { throw .integerBelow(name(key), minimum: minimum, got: number) }
        if let maximum, number > maximum { throw .integerAbove(name(key), maximum: maximum, got: number) }
        return number
    }

    func decimal(_ key: String, minimum: Double, maximum: Double) throws(InferenceError) -> Double? {
        guard let value = value(key) else { return nil }
        guard let number = value.doubleValue else { throw .invalidType(name(key), expected: "a decimal", got: value) }
        if number < minimum { throw .decimalBelow(name(key), minimum: minimum, got: number) }
        if number > maximum { throw .decimalAbove(name(key), maximum: maximum, got: number) }
        return number
    }

    func object(_ key: String) throws(InferenceError) -> BodyReader? {
        guard let value = value(key) else { return nil }
        guard let object = value.objectValue else { throw .invalidType(name(key), expected: "an object", got: value) }
        return BodyReader(object, path: name(key))
    }

    func array(_ key: String) throws(InferenceError) -> [JSONValue]? {
        guard let value = value(key) else { return nil }
        guard let items = value.arrayValue else { throw .invalidType(name(key), expected: "an array", got: value) }
        return items
    }

    /// Each element of the array `key` as an object reader named `key[i]`.
    func objects(_ key: String) throws(InferenceError) -> [BodyReader]? {
        guard let items = try array(key) else { return nil }
        var readers: [BodyReader] = []
        for (offset, item) in items.enumerated() {
            let itemName = "\(name(key))[\(offset)]"
            guard let object = item.objectValue else { throw .invalidType(itemName, expected: "an object", got: item) }
            readers.append(BodyReader(object, path: itemName))
        }
        return readers
    }

    /// A string that must be one of `allowed`.
    func choice(_ key: String, _ allowed: [String]) throws(InferenceError) -> String? {
        guard let text = try string(key) else { return nil }
        guard allowed.contains(text) else { throw .invalidValue(name(key), text, supported: allowed) }
        return text
    }

    /// `stop`: a string or an array of at most `maximum` strings (OpenAI: "Up to 4 sequences").
    func stopSequences(_ key: String, maximum: Int = 4) throws(InferenceError) -> [String] {
        guard let value = value(key) else { return [] }
        if let single = value.stringValue { return [single] }
        guard let items = value.arrayValue else {
            throw .invalidType(name(key), expected: "a string or an array of strings", got: value)
        }
        if items.count > maximum { throw .arrayTooLong(name(key), maximum: maximum, got: items.count) }
        var sequences: [String] = []
        for (offset, item) in items.enumerated() {
            guard let text = item.stringValue else {
                throw .invalidType("\(name(key))[\(offset)]", expected: "a string", got: item)
            }
            sequences.append(text)
        }
        return sequences
    }
}
