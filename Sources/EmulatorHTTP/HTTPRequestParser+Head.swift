import Glibc

extension HTTPRequestParser {
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
    private static let colon = UInt8(ascii: ":")

    /// tchar (RFC 9110 section 5.6.2): the characters of methods and field names, DIGIT / ALPHA /
    /// one of ``!#$%&'*+-.^_`|~``, as two 64-bit masks over the bytes 0-63 and 64-127. A `[Bool]`
    /// table cost a `swift_once` check and a bounds check per byte, 76 times a request (callgrind).
    @inline(__always)
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        if byte < 64 { return (0x03FF_6CFA_0000_0000 as UInt64) >> byte & 1 == 1 }
        if byte < 128 { return (0x57FF_FFFF_C7FF_FFFE as UInt64) >> (byte - 64) & 1 == 1 }
        return false
    }

    /// Validates the request line and header section (`bytes` ends with the empty line) and decides
    /// the message framing (RFC 9112 section 6.3).
    static func parseHead(_ bytes: UnsafeBufferPointer<UInt8>, limits: Limits) -> Result<HTTPRequestHead, HTTPProtocolError> {
        var cursor = 0
        // Next line without its terminator: CRLF or a bare LF (RFC 9112 section 2.2). A CR anywhere else is
        // a bare CR, which the same section says to reject.
        func nextLine() -> Result<Range<Int>, HTTPProtocolError> {
            let lineFeed = findLineFeed(bytes, from: cursor) ?? bytes.count
            var end = lineFeed
            if end > cursor && bytes[end - 1] == cr { end -= 1 }
            let range = cursor..<end
            cursor = lineFeed + 1
            // `memchr`, vectorised: a byte loop over a long line (a bearer token) was 2% of a GET's CPU (perf).
            if !range.isEmpty, let base = bytes.baseAddress, memchr(base + range.lowerBound, Int32(cr), range.count) != nil {
                return .failure(.malformedRequest("bare CR in the request head"))
            }
            return .success(range)
        }

        // request-line = method SP request-target SP HTTP-version (RFC 9112 section 3)
        let requestLine: Range<Int>
        switch nextLine() {
        case .failure(let error): return .failure(error)
        case .success(let range): requestLine = range
        }
        guard let firstSpace = firstIndex(of: space, in: bytes, requestLine), firstSpace > requestLine.lowerBound else {
            return .failure(.malformedRequest("invalid request line"))
        }
        for index in requestLine.lowerBound..<firstSpace where !isTokenCharacter(bytes[index]) {
            return .failure(.malformedRequest("the method is not a token"))
        }
        let targetStart = firstSpace + 1
        guard let secondSpace = firstIndex(of: space, in: bytes, targetStart..<requestLine.upperBound), secondSpace > targetStart else {
            return .failure(.malformedRequest("invalid request line"))
        }
        for index in targetStart..<secondSpace where bytes[index] < 0x21 || bytes[index] > 0x7E {
            return .failure(.malformedRequest("invalid character in the request-target"))
        }
        let minorVersion: Int
        switch parseVersion(bytes, (secondSpace + 1)..<requestLine.upperBound) {
        case .failure(let error): return .failure(error)
        case .success(let minor): minorVersion = minor
        }

        let method = string(bytes, requestLine.lowerBound..<firstSpace)
        var target = string(bytes, targetStart..<secondSpace)

        // field-line = field-name ":" OWS field-value OWS (RFC 9112 section 5)
        var headers = HTTPHeaders()
        // Room for the usual number of fields at once: growing the list field by field was a few
        // allocations on every request (perf).
        headers.reserveCapacity(16)
        var hostCount = 0
        var hostValue: Range<Int> = 0..<0
        var contentLengths: [Range<Int>] = []
        var transferEncodings: [Range<Int>] = []
        var expectations: [Range<Int>] = []
        var connectionClose = false
        var connectionKeepAlive = false
        while true {
            let line: Range<Int>
            switch nextLine() {
            case .failure(let error): return .failure(error)
            case .success(let range): line = range
            }
            if line.isEmpty { break }
            if bytes[line.lowerBound] == space || bytes[line.lowerBound] == tab {
                // RFC 9112 section 5.2: obs-fold is rejected (or replaced), never passed on.
                return .failure(.malformedRequest("obsolete line folding in a header field"))
            }
            guard let colonIndex = firstIndex(of: colon, in: bytes, line), colonIndex > line.lowerBound else {
                return .failure(.malformedRequest("invalid header field"))
            }
            let name = line.lowerBound..<colonIndex
            // RFC 9112 section 5.1: no whitespace between the field name and the colon (400).
            for index in name where !isTokenCharacter(bytes[index]) {
                return .failure(.malformedRequest("invalid header field name"))
            }
            var valueStart = colonIndex + 1
            var valueEnd = line.upperBound
            while valueStart < valueEnd && (bytes[valueStart] == space || bytes[valueStart] == tab) { valueStart += 1 }
            while valueEnd > valueStart && (bytes[valueEnd - 1] == space || bytes[valueEnd - 1] == tab) { valueEnd -= 1 }
            let value = valueStart..<valueEnd
            // RFC 9110 section 5.5: CR, LF and NUL are invalid in field values; other controls too, bar HTAB.
            guard isValidFieldValue(UnsafeBufferPointer(rebasing: bytes[value])) else {
                return .failure(.malformedRequest("invalid character in a header field value"))
            }
            headers.add(string(bytes, name), string(bytes, value))

            if equalsIgnoringCase(bytes, name, "content-length") {
                contentLengths.append(value)
            } else if equalsIgnoringCase(bytes, name, "transfer-encoding") {
                transferEncodings.append(value)
            } else if equalsIgnoringCase(bytes, name, "host") {
                hostCount += 1
                hostValue = value
            } else if equalsIgnoringCase(bytes, name, "connection") {
                for option in listElements(bytes, value) {
                    if equalsIgnoringCase(bytes, option, "close") { connectionClose = true }
                    if equalsIgnoringCase(bytes, option, "keep-alive") { connectionKeepAlive = true }
                }
            } else if equalsIgnoringCase(bytes, name, "expect") {
                expectations.append(value)
            }
        }

        // RFC 9112 section 3.2: HTTP/1.1 needs exactly one valid Host.
        if minorVersion >= 1 && hostCount == 0 {
            return .failure(.malformedRequest("missing Host header"))
        }
        if hostCount > 1 {
            return .failure(.malformedRequest("more than one Host header"))
        }
        for index in hostValue where !isHostCharacter(bytes[index]) {
            return .failure(.malformedRequest("invalid Host header"))
        }

        // Request-target forms (RFC 9112 section 3.2).
        if target.utf8.first == UInt8(ascii: "/") {
            // origin-form
        } else if let (authority, pathAndQuery) = splitAbsoluteForm(target) {
            // RFC 9112 section 3.2.2: the authority of an absolute-form target replaces Host.
            headers.set("Host", authority)
            target = pathAndQuery
        } else if target == "*" {
            guard method == "OPTIONS" else { return .failure(.malformedRequest("asterisk-form target on a method other than OPTIONS")) }
        } else if method != "CONNECT" {
            return .failure(.malformedRequest("invalid request-target"))
        }

        // Framing (RFC 9112 section 6.3).
        var framing = HTTPRequestHead.Framing.none
        if !transferEncodings.isEmpty {
            // RFC 9112 section 6.1: Transfer-Encoding in HTTP/1.0 means faulty framing.
            if minorVersion == 0 {
                return .failure(.malformedRequest("Transfer-Encoding in an HTTP/1.0 request"))
            }
            // RFC 9112 section 6.3 item 3: both present is a smuggling attempt; reject rather than guess.
            if !contentLengths.isEmpty {
                return .failure(.malformedRequest("both Transfer-Encoding and Content-Length"))
            }
            var chunkedCount = 0
            var codings = 0
            for value in transferEncodings {
                for coding in listElements(bytes, value) {
                    codings += 1
                    if equalsIgnoringCase(bytes, coding, "chunked") {
                        chunkedCount += 1
                    } else {
                        // RFC 9112 section 6.1: a transfer coding we do not understand is 501.
                        return .failure(.unsupportedTransferEncoding(string(bytes, coding)))
                    }
                }
            }
            guard codings > 0 else { return .failure(.malformedRequest("empty Transfer-Encoding")) }
            guard chunkedCount == 1 else { return .failure(.malformedRequest("chunked applied more than once")) }
            framing = .chunked
        } else if !contentLengths.isEmpty {
            // RFC 9110 section 8.6: Content-Length = 1*DIGIT; duplicates and lists are refused outright.
            guard contentLengths.count == 1 else {
                return .failure(.malformedRequest("more than one Content-Length"))
            }
            let value = contentLengths[0]
            guard !value.isEmpty else { return .failure(.malformedRequest("invalid Content-Length")) }
            var length = 0
            var overflow = false
            for index in value {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else {
                    return .failure(.malformedRequest("invalid Content-Length"))
                }
                if length > (Int.max - 9) / 10 { overflow = true } else { length = length * 10 + Int(byte - UInt8(ascii: "0")) }
            }
            if overflow || length > limits.maxBodyBytes {
                return .failure(.bodyTooLarge(limit: limits.maxBodyBytes))
            }
            framing = .length(length)
        }

        // RFC 9110 section 10.1.1: 100-continue is the only expectation; HTTP/1.0 expectations are ignored.
        var expectsContinue = false
        if minorVersion >= 1 {
            for value in expectations {
                guard equalsIgnoringCase(bytes, value, "100-continue") else {
                    return .failure(.expectationFailed(string(bytes, value)))
                }
                expectsContinue = true
            }
        }

        // RFC 9112 section 9.3: HTTP/1.1 persists unless "close"; HTTP/1.0 only with "keep-alive".
        let keepAlive = minorVersion >= 1 ? !connectionClose : (connectionKeepAlive && !connectionClose)
        return .success(
            HTTPRequestHead(
                method: method,
                target: target,
                headers: headers,
                minorVersion: minorVersion,
                framing: framing,
                keepAlive: keepAlive,
                expectsContinue: expectsContinue && framing != .none && framing != .length(0),
                byteCount: bytes.count
            )
        )
    }

    /// HTTP-version = "HTTP/" DIGIT "." DIGIT, case-sensitive (RFC 9112 section 2.3). Returns the minor version.
    private static func parseVersion(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Result<Int, HTTPProtocolError> {
        // A `StaticString`: an array of the prefix was one allocation on every request (perf).
        let prefix: StaticString = "HTTP/"
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard range.count == 8,
            (0..<prefix.utf8CodeUnitCount).allSatisfy({ bytes[range.lowerBound + $0] == prefix.utf8Start[$0] }),
            isDigit(bytes[range.lowerBound + 5]), bytes[range.lowerBound + 6] == UInt8(ascii: "."), isDigit(bytes[range.lowerBound + 7])
        else {
            return .failure(.malformedRequest("invalid HTTP version"))
        }
        guard bytes[range.lowerBound + 5] == UInt8(ascii: "1") else {
            return .failure(.httpVersionNotSupported(string(bytes, range)))
        }
        return .success(Int(bytes[range.lowerBound + 7] - UInt8(ascii: "0")))
    }

    /// "http://authority/path?query" -> ("authority", "/path?query").
    private static func splitAbsoluteForm(_ target: String) -> (authority: String, pathAndQuery: String)? {
        let utf8 = Array(target.utf8)
        let lowered = utf8.prefix(8).map { $0 | 0x20 }
        let schemeLength: Int
        if lowered.starts(with: Array("http://".utf8)) {
            schemeLength = 7
        } else if lowered.starts(with: Array("https://".utf8)) {
            schemeLength = 8
        } else {
            return nil
        }
        let rest = utf8[schemeLength...]
        let end = rest.firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? utf8.endIndex
        let authority = String(decoding: utf8[schemeLength..<end], as: UTF8.self)
        var path = String(decoding: utf8[end...], as: UTF8.self)
        if !path.hasPrefix("/") { path = "/" + path }
        return authority.isEmpty ? nil : (authority, path)
    }

    /// Host = uri-host [ ":" port ] (RFC 9110 section 7.2): unreserved, sub-delims, ":", "[]" and "%".
    private static let hostTable: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return Array("-._~!$&'()*+,;=:[]%".utf8).contains(byte)
        }
    }

    private static func isHostCharacter(_ byte: UInt8) -> Bool { hostTable[Int(byte)] }

    private static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        range.first { bytes[$0] == byte }
    }

    /// Elements of a comma-separated list (RFC 9110 section 5.6.1), trimmed, empty ones skipped.
    private static func listElements(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var elements: [Range<Int>] = []
        var start = range.lowerBound
        for index in range.lowerBound...range.upperBound where index == range.upperBound || bytes[index] == UInt8(ascii: ",") {
            var lower = start
            var upper = index
            while lower < upper && (bytes[lower] == space || bytes[lower] == tab) { lower += 1 }
            while upper > lower && (bytes[upper - 1] == space || bytes[upper - 1] == tab) { upper -= 1 }
            if lower < upper { elements.append(lower..<upper) }
            start = index + 1
        }
        return elements
    }

    /// False when `value` holds a control character other than HTAB, or DEL (RFC 9110 section 5.5:
    /// CR, LF and NUL are invalid in a field value; the other controls are refused too). Two
    /// minimums over every byte rather than a loop that stops at the first bad one: the compiler
    /// vectorises them, and a ~1.5 KB bearer token is checked on every request (perf).
    static func isValidFieldValue(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var lowest: UInt8 = 0xFF  // the smallest byte, HTAB counted as a space
        var delete: UInt8 = 0xFF  // zero when a DEL is present
        for byte in value {
            // An addition rather than `byte == 0x09 ? 0x20 : byte`, which was not vectorised.
            lowest = min(lowest, byte &+ (byte == 0x09 ? 0x17 : 0))
            delete = min(delete, byte ^ 0x7F)
        }
        return lowest >= 0x20 && delete != 0
    }

    /// ASCII case-insensitive comparison with a lower-case literal.
    static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for offset in 0..<range.count {
            var byte = bytes[range.lowerBound + offset]
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { byte |= 0x20 }
            if byte != expected[offset] { return false }
        }
        return true
    }

    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
