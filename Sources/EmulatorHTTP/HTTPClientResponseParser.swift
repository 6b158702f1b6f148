/// Reads a response as it arrives (RFC 9112): the head (informational 1xx heads skipped), then the
/// body decoded from its framing: Content-Length, chunked, or everything until the server closes.
struct HTTPClientResponseParser {
    enum Framing: Equatable {
        case none
        case length(remaining: Int)
        case chunked(ChunkState)
        case untilClose
        case done
    }

    enum ChunkState: Equatable {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailers
    }

    private var buffer = ByteBuffer()
    private(set) var framing = Framing.none
    let requestMethod: String
    let maximumHeadBytes: Int

    init(requestMethod: String, maximumHeadBytes: Int) {
        self.requestMethod = requestMethod
        self.maximumHeadBytes = maximumHeadBytes
    }

    var isComplete: Bool { framing == .done }

    mutating func push(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(bytes)
    }

    /// The final (non-1xx) head once it is all in, nil while more bytes are needed.
    mutating func head() throws(HTTPClientError) -> HTTPClientResponseHead? {
        while true {
            let end = headEnd()
            if (end?.total ?? buffer.readableCount) > maximumHeadBytes {
                throw HTTPClientError(.malformedResponse, "The response head is over \(maximumHeadBytes) bytes.")
            }
            guard let end else { return nil }
            let text = buffer.withReadableBytes { String(decoding: $0[..<end.content], as: UTF8.self) }
            buffer.consume(end.total)
            let head = try Self.parseHead(text)
            if (100..<200).contains(head.status) {
                // 100 Continue, 103 Early Hints: the final response follows (RFC 9110 section 15.2).
                guard head.status != 101 else { throw HTTPClientError(.malformedResponse, "The server switched protocols unasked.") }
                continue
            }
            framing = try Self.framing(of: head, method: requestMethod)
            return head
        }
    }

    /// Body bytes decoded from what has arrived (possibly none).
    mutating func body() throws(HTTPClientError) -> [UInt8] {
        var output: [UInt8] = []
        while true {
            switch framing {
            case .none, .done:
                return output
            case .untilClose:
                buffer.withReadableBytes { output.append(contentsOf: $0) }
                buffer.consume(buffer.readableCount)
                return output
            case .length(let remaining):
                let count = min(remaining, buffer.readableCount)
                buffer.withReadableBytes { output.append(contentsOf: $0[..<count]) }
                buffer.consume(count)
                framing = remaining == count ? .done : .length(remaining: remaining - count)
                return output
            case .chunked(let state):
                guard let next = try chunk(state, into: &output) else { return output }
                framing = next
            }
        }
    }

    /// The server closed its side: fine for a close-delimited body, a cut otherwise.
    mutating func end() throws(HTTPClientError) {
        switch framing {
        case .untilClose, .done: framing = .done
        case .none: throw HTTPClientError(.malformedResponse, "The server closed the connection before the end of the response head.")
        case .length, .chunked:
            throw HTTPClientError(.malformedResponse, "The server closed the connection before the end of the response body.")
        }
    }

    /// One step of the chunked decoder (RFC 9112 section 7.1); nil when more bytes are needed.
    private mutating func chunk(_ state: ChunkState, into output: inout [UInt8]) throws(HTTPClientError) -> Framing? {
        switch state {
        case .size:
            guard let line = try line(limit: 4096) else { return nil }
            let digits = line.prefix { $0 != ";" }.trimmingASCIIWhitespace()
            guard !digits.isEmpty, digits.count <= 15, let size = Int(digits, radix: 16), size >= 0 else {
                throw HTTPClientError(.malformedResponse, "A chunk size line is not hexadecimal: '\(line.prefix(40))'.")
            }
            return .chunked(size == 0 ? .trailers : .data(remaining: size))
        case .data(let remaining):
            guard buffer.readableCount > 0 else { return nil }
            let count = min(remaining, buffer.readableCount)
            buffer.withReadableBytes { output.append(contentsOf: $0[..<count]) }
            buffer.consume(count)
            return .chunked(remaining == count ? .dataEnd : .data(remaining: remaining - count))
        case .dataEnd:
            guard let line = try line(limit: 2) else { return nil }
            guard line.isEmpty else { throw HTTPClientError(.malformedResponse, "A chunk's data is longer than its size.") }
            return .chunked(.size)
        case .trailers:
            // Trailer fields are read and dropped (RFC 9110 section 6.5 lets a recipient discard them).
            guard let line = try line(limit: maximumHeadBytes) else { return nil }
            return line.isEmpty ? .done : .chunked(.trailers)
        }
    }

    /// The next line without its CRLF (or bare LF), nil while incomplete.
    private mutating func line(limit: Int) throws(HTTPClientError) -> String? {
        let found = buffer.withReadableBytes { bytes -> (text: String, consumed: Int)? in
            guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let end = newline > 0 && bytes[newline - 1] == UInt8(ascii: "\r") ? newline - 1 : newline
            return (String(decoding: bytes[..<end], as: UTF8.self), newline + 1)
        }
        guard let found else {
            if buffer.readableCount > limit { throw HTTPClientError(.malformedResponse, "A chunked body line is over \(limit) bytes.") }
            return nil
        }
        buffer.consume(found.consumed)
        return found.text
    }

    /// Where the head ends: the blank line (CRLF CRLF, or bare LFs, RFC 9112 section 2.2).
    private func headEnd() -> (content: Int, total: Int)? {
        buffer.withReadableBytes { bytes -> (content: Int, total: Int)? in
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "\n") else {
                    index += 1
                    continue
                }
                let next = index + 1
                if next < bytes.count && bytes[next] == UInt8(ascii: "\n") { return (index, next + 1) }
                if next + 1 < bytes.count && bytes[next] == UInt8(ascii: "\r") && bytes[next + 1] == UInt8(ascii: "\n") {
                    return (index, next + 2)
                }
                index = next
            }
            return nil
        }
    }

    static func parseHead(_ text: String) throws(HTTPClientError) -> HTTPClientResponseHead {
        // Split on the bytes: as Characters, CR LF is one grapheme and never equals "\n".
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            Substring(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
        }
        let statusLine = lines.removeFirst()
        // status-line = HTTP-version SP status-code SP [ reason-phrase ]
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == "HTTP/1.1" || parts[0] == "HTTP/1.0", parts[1].count == 3,
            let status = Int(parts[1]), (100...999).contains(status)
        else {
            throw HTTPClientError(.malformedResponse, "The server's answer is not an HTTP/1.x response: '\(statusLine.prefix(60))'.")
        }
        var headers = HTTPHeaders()
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                line[..<colon].utf8.allSatisfy({ HTTPClientRequest.isTokenByte($0) })
            else {
                throw HTTPClientError(.malformedResponse, "The response has a malformed header line: '\(line.prefix(60))'.")
            }
            headers.add(String(line[..<colon]), line[line.index(after: colon)...].trimmingASCIIWhitespace())
        }
        return HTTPClientResponseHead(status: status, reason: parts.count > 2 ? String(parts[2]) : "", headers: headers)
    }

    /// RFC 9112 section 6.3, for a response.
    static func framing(of head: HTTPClientResponseHead, method: String) throws(HTTPClientError) -> Framing {
        if method == "HEAD" || head.status == 204 || head.status == 304 { return .done }
        let codings = head.headers.values("Transfer-Encoding").flatMap { $0.split(separator: ",") }
            .map { $0.trimmingASCIIWhitespace().lowercased() }
        if !codings.isEmpty {
            return codings.last == "chunked" ? .chunked(.size) : .untilClose
        }
        let lengths = Set(
            head.headers.values("Content-Length").flatMap { $0.split(separator: ",") }.map { $0.trimmingASCIIWhitespace() })
        guard let text = lengths.first else { return .untilClose }
        guard lengths.count == 1, !text.isEmpty, text.count <= 18, text.allSatisfy({ ("0"..."9").contains($0) }), let length = Int(text)
        else {
            throw HTTPClientError(.malformedResponse, "The response's Content-Length is not one decimal number.")
        }
        return length == 0 ? .done : .length(remaining: length)
    }
}
