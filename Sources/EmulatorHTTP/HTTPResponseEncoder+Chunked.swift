/// Framing of streamed bodies: the chunked transfer coding (RFC 9112 section 7.1) for HTTP/1.1, the close
/// of the connection for HTTP/1.0 (RFC 9112 section 6.3, rule 8).
extension HTTPResponseEncoder {
    enum StreamFraming {
        /// One chunk per write, then the last chunk; the connection may be kept alive.
        case chunked
        /// Raw bytes; the body ends when the connection closes.
        case untilClose
        /// No content at all (HEAD, 204, 304): the producer is not run.
        case noContent
    }

    /// The last chunk with no trailer section (RFC 9112 section 7.1: `0 CRLF` then the final `CRLF`).
    static let lastChunk: [UInt8] = Array("0\r\n\r\n".utf8)

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// How a streamed response with `status` is delimited for this request.
    static func streamFraming(status: Int, for exchange: Exchange) -> StreamFraming {
        let status = wireStatus(status)
        if status == 204 || status == 304 || exchange.isHead { return .noContent }
        return exchange.minorVersion >= 1 ? .chunked : .untilClose
    }

    /// Appends `bytes` as one chunk: size in hex, CRLF, the bytes, CRLF. Nothing for no bytes,
    /// since a zero-size chunk is the last chunk.
    static func appendChunk(_ bytes: [UInt8], to out: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        var digits = 0
        var remaining = bytes.count
        while remaining > 0 {
            digits += 1
            remaining >>= 4
        }
        out.reserveCapacity(out.count + digits + bytes.count + 4)
        for position in stride(from: digits - 1, through: 0, by: -1) {
            out.append(hexDigits[(bytes.count >> (position * 4)) & 0xF])
        }
        out.append(contentsOf: "\r\n".utf8)
        out.append(contentsOf: bytes)
        out.append(contentsOf: "\r\n".utf8)
    }
}
