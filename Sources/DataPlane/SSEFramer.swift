/// Cuts a byte stream of server-sent events into whole events. An event ends at a blank line
/// (WHATWG HTML "Server-sent events", section 9.2.6: lines end in LF, CRLF or CR), and the backend's
/// network reads split events anywhere, so bytes are held until their event is complete; each
/// event comes out with a single `\n\n` terminator so it can be written as one chunk.
struct SSEFramer {
    private var buffer: [UInt8] = []

    /// Appends `bytes` and returns the events they complete, each ending in `\n\n`.
    mutating func push(_ bytes: some Sequence<UInt8>) -> [[UInt8]] {
        buffer.append(contentsOf: bytes)
        var events: [[UInt8]] = []
        var start = 0
        var index = 0
        while index < buffer.count {
            if let length = Self.blankLine(in: buffer, at: index) {
                let event = Array(buffer[start..<index])
                if !event.allSatisfy(Self.isLineBreak) { events.append(Self.terminated(event)) }
                index += length
                start = index
            } else {
                index += 1
            }
        }
        buffer.removeFirst(start)
        return events
    }

    /// What is left when the stream ends: an event the backend did not terminate, or nil.
    mutating func finish() -> [UInt8]? {
        defer { buffer.removeAll() }
        let rest = buffer.filter { !Self.isLineBreak($0) }
        return rest.isEmpty ? nil : Self.terminated(buffer)
    }

    /// The length of the line break pair at `index` (`\n\n`, `\r\n\r\n`, `\r\r`), or nil. A pair
    /// split across reads waits: `\r\n\r` at the end of the buffer is not yet a blank line.
    private static func blankLine(in bytes: [UInt8], at index: Int) -> Int? {
        let lf = UInt8(ascii: "\n")
        let cr = UInt8(ascii: "\r")
        func at(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        switch (at(0), at(1), at(2), at(3)) {
        case (lf, lf, _, _): return 2
        case (cr, lf, cr, lf): return 4
        case (cr, lf, lf, _): return 3
        case (cr, cr, _, _): return 2
        default: return nil
        }
    }

    private static func isLineBreak(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }

    private static func terminated(_ event: [UInt8]) -> [UInt8] {
        var event = event
        while let last = event.last, isLineBreak(last) { event.removeLast() }
        return event + Array("\n\n".utf8)
    }

    /// The `data:` payload of one event, its `data` lines joined with LF (WHATWG HTML section 9.2.6), or nil.
    static func data(of event: [UInt8]) -> String? {
        let lines = String(decoding: event, as: UTF8.self).split(omittingEmptySubsequences: false) { $0.isNewline }
        let data = lines.compactMap { line -> Substring? in
            guard line.hasPrefix("data:") else { return nil }
            let value = line.dropFirst("data:".count)
            return value.hasPrefix(" ") ? value.dropFirst() : value
        }
        return data.isEmpty ? nil : data.joined(separator: "\n")
    }
}
