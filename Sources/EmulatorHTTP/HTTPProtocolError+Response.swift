extension HTTPProtocolError {
    /// The default rendering: `{"error":{"code":"...","message":"..."}}` with the error's status.
    @Sendable
    package static func defaultResponse(for error: HTTPProtocolError) -> HTTPResponse {
        var body: [UInt8] = []
        body.reserveCapacity(64 + error.message.utf8.count)
        body.append(contentsOf: #"{"error":{"code":"#.utf8)
        appendJSONString(error.code, to: &body)
        body.append(contentsOf: #","message":"#.utf8)
        appendJSONString(error.message, to: &body)
        body.append(contentsOf: "}}".utf8)
        return .json(error.status, body)
    }

    /// A JSON string literal (RFC 8259 section 7): quotes, backslashes and control characters escaped.
    static func appendJSONString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x00..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
