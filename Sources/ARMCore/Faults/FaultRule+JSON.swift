import JSON

extension FaultRule {
    /// Parses `POST /_emulator/faults`: {method?, path, status?, code?, message?, probability?,
    /// count?, delayMs?, retryAfter?, failOperation?}. Every field is checked; unknown ones are
    /// refused so a typo does not silently make a rule that never fires.
    package init(json body: JSONObject, id: String) throws {
        let known: Set<String> = [
            "method", "path", "status", "code", "message", "probability", "count", "delayms", "retryafter", "failoperation",
        ]
        for (key, _) in body.pairs where !known.contains(key.lowercased()) {
            throw ARMError.invalidFaultRule("unknown field '\(key)'.")
        }
        func field(_ name: String) -> JSONValue? {
            body.pairs.first { $0.key.lowercased() == name.lowercased() }.map(\.value)
        }
        func string(_ name: String) throws -> String? {
            guard let value = field(name), value != .null else { return nil }
            guard case .string(let text) = value else { throw ARMError.invalidFaultRule("'\(name)' must be a string.") }
            return text
        }
        func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
            guard let value = field(name), value != .null else { return nil }
            guard let number = value.intValue, range.contains(number) else {
                throw ARMError.invalidFaultRule("'\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound).")
            }
            return number
        }
        guard let path = try string("path"), path.hasPrefix("/") || path.hasPrefix("*") else {
            throw ARMError.invalidFaultRule("'path' is required: a glob over the request path such as '/subscriptions/*/resourceGroups/*'.")
        }
        let method = try string("method")
        if let method, !["GET", "PUT", "POST", "PATCH", "DELETE", "HEAD"].contains(method.uppercased()) {
            throw ARMError.invalidFaultRule("'method' must be GET, PUT, POST, PATCH, DELETE or HEAD.")
        }
        var probability = 1.0
        if let value = field("probability"), value != .null {
            guard let number = value.doubleValue, (0...1).contains(number) else {
                throw ARMError.invalidFaultRule("'probability' must be a number from 0 to 1.")
            }
            probability = number
        }
        let failOperation: Bool
        switch field("failOperation") {
        case nil, .null?: failOperation = false
        case .bool(let flag)?: failOperation = flag
        default: throw ARMError.invalidFaultRule("'failOperation' must be true or false.")
        }
        let status = try integer("status", in: 400...599)
        let delay = try integer("delayMs", in: 0...600_000) ?? 0
        guard status != nil || delay > 0 || failOperation else {
            throw ARMError.invalidFaultRule("a rule needs 'status', 'delayMs' or 'failOperation'.")
        }
        self.init(
            id: id, method: method, path: path, status: status, code: try string("code"), message: try string("message"),
            probability: probability, remaining: try integer("count", in: 1...1_000_000_000), delayMilliseconds: delay,
            retryAfterSeconds: try integer("retryAfter", in: 0...86_400), failOperation: failOperation)
    }

    package var json: JSONValue {
        var object = JSONObject()
        object["id"] = .string(id)
        object["method"] = method.map { .string($0) } ?? .null
        object["path"] = .string(path)
        object["status"] = status.map { .int(Int64($0)) } ?? .null
        object["code"] = code.map { .string($0) } ?? .null
        object["message"] = message.map { .string($0) } ?? .null
        object["probability"] = .double(probability)
        object["count"] = remaining.map { .int(Int64($0)) } ?? .null
        object["delayMs"] = .int(Int64(delayMilliseconds))
        object["retryAfter"] = retryAfterSeconds.map { .int(Int64($0)) } ?? .null
        object["failOperation"] = .bool(failOperation)
        return .object(object)
    }
}
