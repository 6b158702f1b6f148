import Glibc

/// Incremental HTTP/1.1 request parser (RFC 9112). Feed it the unconsumed bytes; it says how many it
/// consumed and what happened. Pure: no I/O, no clock, one message at a time (the connection asks
/// for the next message only after the previous response is queued, which keeps responses in order).
struct HTTPRequestParser {
    struct Limits {
        var maxHeaderBytes: Int
        var maxRequestLineBytes: Int
        var maxBodyBytes: Int
        /// A chunk-size line with its extensions; RFC 9112 section 7.1.1 leaves the bound to the recipient.
        var maxChunkLineBytes = 4096
    }

    enum Event: Equatable {
        case needMore
        /// The head is in and content follows: the moment to answer `Expect: 100-continue`.
        case head
        /// A whole message is in; `takeMessage()` hands it over and resets the parser.
        case complete
        /// The connection must answer this error and close.
        case failure(HTTPProtocolError)
    }

    private enum State {
        /// `scanned` bytes of the head seen so far; the current line starts at `lineStart`.
        case head(scanned: Int, lineStart: Int)
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(bytes: Int)
        case complete
        case failed
    }

    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")

    let limits: Limits
    private var state: State = .head(scanned: 0, lineStart: 0)
    private(set) var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(limits: Limits) {
        self.limits = limits
    }

    /// True until the first byte of the next message has been consumed or scanned.
    var isAtMessageStart: Bool {
        if case .head(scanned: 0, lineStart: 0) = state { return true }
        return false
    }

    mutating func parse(_ input: UnsafeBufferPointer<UInt8>) -> (consumed: Int, event: Event) {
        var offset = 0
        while true {
            switch state {
            case .head(let scanned, let lineStart):
                return parseHead(input, scanned: scanned, lineStart: lineStart)

            case .fixedBody(let remaining):
                let take = min(remaining, input.count - offset)
                if take == 0 { return (offset, .needMore) }
                body.append(contentsOf: UnsafeBufferPointer(rebasing: input[offset..<offset + take]))
                offset += take
                if take == remaining {
                    state = .complete
                    return (offset, .complete)
                }
                state = .fixedBody(remaining: remaining - take)
                return (offset, .needMore)

            case .chunkSize:
                guard let lineFeed = Self.findLineFeed(input, from: offset) else {
                    if input.count - offset > limits.maxChunkLineBytes {
                        return fail(offset, .malformedRequest("chunk-size line too long"))
                    }
                    return (offset, .needMore)
                }
                if lineFeed - offset > limits.maxChunkLineBytes {
                    return fail(offset, .malformedRequest("chunk-size line too long"))
                }
                switch Self.parseChunkSize(input, from: offset, lineFeed: lineFeed, maxBodyBytes: limits.maxBodyBytes) {
                case .failure(let error):
                    return fail(offset, error)
                case .success(let size):
                    offset = lineFeed + 1
                    if size == 0 {
                        state = .trailers(bytes: 0)
                    } else if size > limits.maxBodyBytes - body.count {
                        return fail(offset, .bodyTooLarge(limit: limits.maxBodyBytes))
                    } else {
                        state = .chunkData(remaining: size)
                    }
                }

            case .chunkData(let remaining):
                let take = min(remaining, input.count - offset)
                if take == 0 { return (offset, .needMore) }
                body.append(contentsOf: UnsafeBufferPointer(rebasing: input[offset..<offset + take]))
                offset += take
                if take < remaining {
                    state = .chunkData(remaining: remaining - take)
                    return (offset, .needMore)
                }
                state = .chunkDataEnd

            case .chunkDataEnd:
                // RFC 9112 section 7.1: chunk-data is followed by CRLF. Framing lines are strict (a bare LF
                // here is how request smuggling starts), unlike the head (RFC 9112 section 2.2).
                let available = input.count - offset
                if available == 0 || (available == 1 && input[offset] == Self.cr) { return (offset, .needMore) }
                guard available >= 2, input[offset] == Self.cr, input[offset + 1] == Self.lf else {
                    return fail(offset, .malformedRequest("chunk data not followed by CRLF"))
                }
                offset += 2
                state = .chunkSize

            case .trailers(let bytes):
                // RFC 9112 section 7.1.2: trailer fields may be discarded; they count against the header limit.
                let headBytes = head?.byteCount ?? 0
                guard let lineFeed = Self.findLineFeed(input, from: offset) else {
                    if headBytes + bytes + (input.count - offset) > limits.maxHeaderBytes {
                        return fail(offset, .headersTooLarge(limit: limits.maxHeaderBytes))
                    }
                    return (offset, .needMore)
                }
                let length = lineFeed - offset
                guard length >= 1, input[lineFeed - 1] == Self.cr else {
                    return fail(offset, .malformedRequest("trailer line not terminated by CRLF"))
                }
                if length == 1 {
                    offset = lineFeed + 1
                    state = .complete
                    return (offset, .complete)
                }
                let total = bytes + length + 1
                if headBytes + total > limits.maxHeaderBytes {
                    return fail(offset, .headersTooLarge(limit: limits.maxHeaderBytes))
                }
                for index in offset..<(lineFeed - 1) where input[index] == Self.cr || input[index] == 0 {
                    return fail(offset, .malformedRequest("invalid character in a trailer field"))
                }
                offset = lineFeed + 1
                state = .trailers(bytes: total)

            case .complete:
                return (offset, .complete)

            case .failed:
                return (offset, .failure(.malformedRequest("request after a framing error")))
            }
        }
    }

    /// Hands over the finished message and gets ready for the next one.
    mutating func takeMessage() -> (head: HTTPRequestHead, body: [UInt8]) {
        let message = (head!, body)
        head = nil
        body = []
        state = .head(scanned: 0, lineStart: 0)
        return message
    }

    private mutating func fail(_ offset: Int, _ error: HTTPProtocolError) -> (consumed: Int, event: Event) {
        state = .failed
        return (offset, .failure(error))
    }

    private mutating func parseHead(_ input: UnsafeBufferPointer<UInt8>, scanned: Int, lineStart: Int) -> (consumed: Int, event: Event) {
        var start = 0
        if scanned == 0 {
            // RFC 9112 section 2.2: a server SHOULD ignore empty lines received before the request-line
            // (clients add a CRLF after a POST body).
            while start < input.count {
                if input[start] == Self.lf {
                    start += 1
                } else if input[start] == Self.cr {
                    if start + 1 == input.count { return (start, .needMore) }
                    guard input[start + 1] == Self.lf else { break }
                    start += 2
                } else {
                    break
                }
            }
            if start == input.count { return (start, .needMore) }
        }

        // Find the empty line that ends the header section. A bare LF ends a line too
        // (RFC 9112 section 2.2 MAY); a bare CR is rejected when the lines are parsed.
        var lineStart = lineStart
        var position = start + scanned
        var headEnd = -1
        while position < input.count, let lineFeed = Self.findLineFeed(input, from: position) {
            let length = lineFeed - (start + lineStart)
            if lineStart > 0 && (length == 0 || (length == 1 && input[start + lineStart] == Self.cr)) {
                headEnd = lineFeed + 1
                break
            }
            if lineStart == 0 && lineFeed - start > limits.maxRequestLineBytes {
                return fail(start, requestLineTooLong(input, from: start))
            }
            lineStart = lineFeed + 1 - start
            position = lineFeed + 1
        }

        guard headEnd >= 0 else {
            let available = input.count - start
            if lineStart == 0 && available > limits.maxRequestLineBytes {
                return fail(start, requestLineTooLong(input, from: start))
            }
            if available > limits.maxHeaderBytes {
                return fail(start, .headersTooLarge(limit: limits.maxHeaderBytes))
            }
            state = .head(scanned: available, lineStart: lineStart)
            return (start, .needMore)
        }
        if headEnd - start > limits.maxHeaderBytes {
            return fail(start, .headersTooLarge(limit: limits.maxHeaderBytes))
        }

        switch Self.parseHead(UnsafeBufferPointer(rebasing: input[start..<headEnd]), limits: limits) {
        case .failure(let error):
            return fail(headEnd, error)
        case .success(let parsed):
            head = parsed
            switch parsed.framing {
            case .none, .length(0):
                state = .complete
                return (headEnd, .complete)
            case .length(let length):
                body.reserveCapacity(length)
                state = .fixedBody(remaining: length)
                return (headEnd, .head)
            case .chunked:
                state = .chunkSize
                return (headEnd, .head)
            }
        }
    }

    /// RFC 9112 section 3: a request-target longer than we parse is 414; a line that is not even
    /// `token SP ...` is just malformed.
    private func requestLineTooLong(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> HTTPProtocolError {
        let end = min(input.count, start + limits.maxRequestLineBytes)
        var index = start
        while index < end && Self.isTokenCharacter(input[index]) { index += 1 }
        if index > start && index < end && input[index] == UInt8(ascii: " ") {
            return .uriTooLong(limit: limits.maxRequestLineBytes)
        }
        return .malformedRequest("request line too long")
    }

    static func findLineFeed(_ input: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        guard offset < input.count, let base = input.baseAddress else { return nil }
        guard let found = memchr(base + offset, Int32(lf), input.count - offset) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }
}
