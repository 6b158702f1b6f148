extension HTTPRequestParser {
    /// `chunk-size [ chunk-ext ] CRLF` (RFC 9112 section 7.1). Extensions are ignored (section 7.1.1) but must not
    /// carry control characters; the line must end with CRLF.
    static func parseChunkSize(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, lineFeed: Int, maxBodyBytes: Int
    ) -> Result<Int, HTTPProtocolError> {
        guard lineFeed > start, input[lineFeed - 1] == cr else {
            return .failure(.malformedRequest("chunk-size line not terminated by CRLF"))
        }
        let end = lineFeed - 1
        var index = start
        var size = 0
        while index < end, let digit = hexValue(input[index]) {
            if size > (Int.max - 15) / 16 {
                return .failure(.bodyTooLarge(limit: maxBodyBytes))
            }
            size = size * 16 + digit
            index += 1
        }
        guard index > start else {
            return .failure(.malformedRequest("invalid chunk size"))
        }
        while index < end && (input[index] == UInt8(ascii: " ") || input[index] == UInt8(ascii: "\t")) { index += 1 }
        if index < end {
            guard input[index] == UInt8(ascii: ";") else {
                return .failure(.malformedRequest("invalid chunk size"))
            }
            for byte in UnsafeBufferPointer(rebasing: input[index..<end]) where byte != 0x09 && (byte < 0x20 || byte == 0x7F) {
                return .failure(.malformedRequest("invalid chunk extension"))
            }
        }
        return .success(size)
    }

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
