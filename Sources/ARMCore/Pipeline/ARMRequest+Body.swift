/// Reading the JSON request body the way ARM's front door does (docs/azure-behaviours.md "Error responses", "Request size limits").
import JSON

extension ARMRequest {
    /// ARM rejects bodies over 4 MB with 413 (RPC common-api-details "Max Request Body Size").
    package static let maxBodySize = 4 * 1024 * 1024

    /// The body as a JSON object.
    /// - empty (or whitespace only) -> 400 `InvalidRequestContent` "The request body is empty."
    /// - over 4 MB -> 413 `RequestContentTooLarge`
    /// - a `Content-Type` other than JSON -> 415 `UnsupportedMediaType`
    /// - not JSON, or JSON that is not an object -> 400 `InvalidRequestContent`
    package func jsonBody(options: JSONParser.Options = .strict) throws -> JSONObject {
        let value = try jsonBodyValue(options: options)
        guard case .object(let object) = value else {
            throw ARMError.invalidRequestContent(
                "Unexpected JSON token when reading the request body: expected an object but got \(value.kindName)."
                    + " Path '', line 1, position 1."
            )
        }
        return object
    }

    /// The body as any JSON value, with the same checks as `jsonBody()`.
    package func jsonBodyValue(options: JSONParser.Options = .strict) throws -> JSONValue {
        let body = http.body
        guard body.contains(where: { !Self.isJSONWhitespace($0) }) else { throw ARMError.missingRequestContent }
        guard body.count <= Self.maxBodySize else { throw ARMError.requestContentTooLarge(limit: Self.maxBodySize) }
        if let contentType = headers["Content-Type"], !Self.isJSONMediaType(contentType) {
            throw ARMError.unsupportedMediaType(contentType)
        }
        do {
            return try JSONParser.parse(body, options: options)
        } catch let error as JSONParseError {
            throw ARMError.invalidRequestContent(error.detail)
        }
    }

    /// The body when one was sent, else nil (POST actions whose body is optional).
    package func optionalJSONBody(options: JSONParser.Options = .strict) throws -> JSONObject? {
        guard http.body.contains(where: { !Self.isJSONWhitespace($0) }) else { return nil }
        return try jsonBody(options: options)
    }

    /// `application/json`, `text/json` or any `+json` suffix (RFC 6839), parameters such as
    /// `charset` ignored. Over the header's bytes: splitting, trimming and lower-casing copies
    /// were ~1% of a PUT (perf).
    static func isJSONMediaType(_ contentType: String) -> Bool {
        var contentType = contentType
        return contentType.withUTF8 { bytes in
            var end = bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
            var start = 0
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            let mediaType = bytes[start..<end]
            return Self.equalsIgnoringASCIICase(mediaType, "application/json") || Self.equalsIgnoringASCIICase(mediaType, "text/json")
                || (mediaType.count >= 5 && Self.equalsIgnoringASCIICase(mediaType.suffix(5), "+json"))
        }
    }

    /// `bytes` is `lowercase` (lower-case ASCII) up to ASCII case.
    private static func equalsIgnoringASCIICase(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let literal = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        return zip(bytes, literal).allSatisfy { byte, expected in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == expected
        }
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (header values, query values).
    func trimmingASCIIWhitespace() -> String {
        let utf8 = self.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        while end > start {
            let before = utf8.index(before: end)
            guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
            end = before
        }
        return String(self[start..<end])
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String { self[...].trimmingASCIIWhitespace() }
}
