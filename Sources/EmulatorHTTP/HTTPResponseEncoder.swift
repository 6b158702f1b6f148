/// Serialises a handler's response (RFC 9112 section 4, section 6): status line, the handler's fields minus the
/// ones the server owns, then `Date`, `Server`, `Content-Length` (or `Transfer-Encoding: chunked` for
/// a streamed body) and `Connection`, then the content. A streamed body's chunks follow separately
/// (`appendChunk`, `lastChunk`).
enum HTTPResponseEncoder {
    /// What the server knows about the request being answered.
    struct Exchange {
        var isHead = false
        var keepAlive = true
        var minorVersion = 1
    }

    /// Fields the server writes itself; a handler's copies are ignored (`Transfer-Encoding` and
    /// `Keep-Alive` too: the server alone frames the content).
    private enum OwnedField {
        case contentLength
        case other
    }

    static func encode(_ response: HTTPResponse, for exchange: Exchange, date: [UInt8], into out: inout [UInt8]) {
        let status = wireStatus(response.status)
        let framing = response.stream.map { _ in streamFraming(status: status, for: exchange) }
        // RFC 9110 section 6.4.1: 204 and 304 have no content; neither has a response to HEAD.
        let sendsBody = status != 204 && status != 304 && !exchange.isHead && framing == nil
        let bodyCount = sendsBody ? response.body.count : 0
        out.reserveCapacity(out.count + 200 + response.headers.fields.count * 64 + bodyCount)

        out.append(contentsOf: "HTTP/1.1 ".utf8)
        out.append(UInt8(ascii: "0") + UInt8(status / 100))
        out.append(UInt8(ascii: "0") + UInt8(status / 10 % 10))
        out.append(UInt8(ascii: "0") + UInt8(status % 10))
        out.append(UInt8(ascii: " "))
        out.append(contentsOf: HTTPReasonPhrase.phrase(for: status).utf8)
        out.append(contentsOf: "\r\n".utf8)

        var declaredLength: Int?
        // Names and values are checked and copied as contiguous UTF-8 (`withUTF8`): per byte through
        // `String.UTF8View` this was 3% of a GET's CPU (perf).
        for field in response.headers.fields {
            var name = field.name
            guard name.withUTF8({ isValidName($0) }) else { continue }
            switch ownedField(field.name) {
            case .contentLength:
                declaredLength = Int(field.value.trimmingASCIIWhitespace())
                continue
            case .other:
                continue
            case nil:
                break
            }
            // Response splitting (RFC 9110 section 5.5): a value with CR, LF, NUL or other controls is dropped.
            var value = field.value
            value.withUTF8 { value in
                guard isValidValue(value) else { return }
                name.withUTF8 { out.append(contentsOf: $0) }
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
                out.append(contentsOf: value)
                out.append(UInt8(ascii: "\r"))
                out.append(UInt8(ascii: "\n"))
            }
        }

        out.append(contentsOf: "Date: ".utf8)
        out.append(contentsOf: date)
        out.append(contentsOf: "\r\nServer: foundry-emulator\r\n".utf8)

        // RFC 9110 section 8.6: never a Content-Length on 204; on 304 and HEAD it describes the
        // representation a GET would carry, so the handler's value wins there.
        let length: Int?
        if framing != nil {
            length = nil  // not known before it is produced
        } else if status == 204 {
            length = nil
        } else if status == 304 {
            length = declaredLength.flatMap { $0 >= 0 ? $0 : nil }
        } else if exchange.isHead {
            length = declaredLength.flatMap { $0 >= 0 ? $0 : nil } ?? response.body.count
        } else {
            length = response.body.count
        }
        if let length {
            out.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(length, to: &out)
            out.append(contentsOf: "\r\n".utf8)
        }
        // RFC 9112 section 6.1: chunked for HTTP/1.1; a HEAD response may name the coding a GET would get
        // (never on 204 or 304). HTTP/1.0 has no chunked coding: the close delimits the content.
        let headOfChunked = framing == .noContent && exchange.isHead && exchange.minorVersion >= 1 && status != 204 && status != 304
        let announcesChunked = framing == .chunked || headOfChunked
        if announcesChunked {
            out.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        }
        if !exchange.keepAlive || framing == .untilClose {
            out.append(contentsOf: "Connection: close\r\n".utf8)
        } else if exchange.minorVersion == 0 {
            out.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        out.append(contentsOf: "\r\n".utf8)
        if sendsBody {
            out.append(contentsOf: response.body)
        }
    }

    /// The status that goes on the wire: 1xx are interim and cannot end an exchange; out-of-range
    /// codes are a handler bug.
    static func wireStatus(_ status: Int) -> Int {
        status < 200 || status > 999 ? 500 : status
    }

    /// True when the handler asked for the connection to end (`Connection: close`).
    static func requestsClose(_ response: HTTPResponse) -> Bool {
        // Ten bytes first: the names of every field of every response went through the
        // case-insensitive comparison (0.8% of a GET's CPU, perf). No other text lower-cases to
        // `connection` (the only non-ASCII letters that lower-case to ASCII give `k` or `i̇`).
        for field in response.headers.fields where field.name.utf8.count == 10 && HTTPHeaders.namesMatch(field.name, "connection") {
            for option in field.value.split(separator: ",") where option.trimmingASCIIWhitespace().lowercased() == "close" {
                return true
            }
        }
        return false
    }

    private static func ownedField(_ name: String) -> OwnedField? {
        switch name.utf8.count {
        case 4 where HTTPHeaders.namesMatch(name, "date"): .other
        case 6 where HTTPHeaders.namesMatch(name, "server"): .other
        case 10 where HTTPHeaders.namesMatch(name, "connection"), 10 where HTTPHeaders.namesMatch(name, "keep-alive"): .other
        case 14 where HTTPHeaders.namesMatch(name, "content-length"): .contentLength
        case 17 where HTTPHeaders.namesMatch(name, "transfer-encoding"): .other
        default: nil
        }
    }

    private static func isValidName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !name.isEmpty else { return false }
        for byte in name where !HTTPRequestParser.isTokenCharacter(byte) {
            return false
        }
        return true
    }

    private static func isValidValue(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        HTTPRequestParser.isValidFieldValue(value)
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var remaining = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while remaining > 0 {
                buffer[19 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            }
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }
}
