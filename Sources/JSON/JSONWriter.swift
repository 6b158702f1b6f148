/// Writes JSON values as UTF-8 bytes: compact (the wire form) or indented (logs, the operator API).
/// Strings are escaped per RFC 8259 section 7 (quote, backslash and C0 controls; everything else raw
/// UTF-8), integers print without a fraction, doubles print their shortest round-trip form.
struct JSONWriter {
    fileprivate(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var level = 0

    init(pretty: Bool = false, capacity: Int = 256) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .int(let number): writeInteger(number)
        case .double(let number): writeDouble(number)
        case .string(let text): writeString(text)
        case .array(let items): writeArray(items)
        case .object(let object): writeObject(object)
        }
    }

    private mutating func writeArray(_ items: [JSONValue]) {
        guard !items.isEmpty else { return append("[]") }
        bytes.append(UInt8(ascii: "["))
        level += 1
        for (offset, item) in items.enumerated() {
            if offset > 0 { bytes.append(UInt8(ascii: ",")) }
            newline()
            write(item)
        }
        level -= 1
        newline()
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func writeObject(_ object: JSONObject) {
        guard !object.isEmpty else { return append("{}") }
        bytes.append(UInt8(ascii: "{"))
        level += 1
        var first = true
        object.forEachMember { key, value in
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            newline()
            writeString(key)
            bytes.append(UInt8(ascii: ":"))
            if pretty { bytes.append(UInt8(ascii: " ")) }
            write(value)
        }
        level -= 1
        newline()
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        for _ in 0..<(level * 2) { bytes.append(0x20) }
    }

    private mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func writeInteger(_ number: Int64) {
        // Up to 20 characters: a small (inline) string, so no heap allocation.
        bytes.append(contentsOf: String(number).utf8)
    }

    private mutating func writeDouble(_ number: Double) {
        // JSON has no NaN or Infinity (RFC 8259 section 6); the parser never produces them.
        guard number.isFinite else { return append("null") }
        bytes.append(contentsOf: number.description.utf8)
    }

    private mutating func writeString(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            var runStart = 0
            var position = 0
            while true {
                // Runs that need no escape (nearly all text) are found eight bytes at a time and
                // appended whole: the byte-by-byte scan showed in a profile of chat completions.
                position = Self.firstEscape(in: utf8, from: position)
                guard position < utf8.count else { break }
                let byte = utf8[position]
                if runStart < position { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position])) }
                position += 1
                runStart = position
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    let hexDigits: StaticString = "0123456789abcdef"
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    hexDigits.withUTF8Buffer { table in
                        bytes.append(table[Int(byte >> 4)])
                        bytes.append(table[Int(byte & 0x0F)])
                    }
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// The position of the first byte from `start` on that a JSON string must escape (quote,
    /// backslash, C0 control), or `utf8.count`. Eight bytes at a time (SWAR: a byte is flagged when
    /// it is below 0x20 or equal to 0x22 or 0x5C; bytes of 0x80 and above are never flagged).
    static func firstEscape(in utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        if let base = utf8.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while position + 8 <= utf8.count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                // A byte b below 0x80 is flagged when b - 0x20 borrows, or b ^ 0x22 / b ^ 0x5C is zero.
                let low = word & ~highs
                let control = (low | highs) &- (ones &* 0x20)
                let quote = ((word ^ (ones &* 0x22)) | highs) &- ones
                let backslash = ((word ^ (ones &* 0x5C)) | highs) &- ones
                let flagged = ~(control & quote & backslash) & ~word & highs
                if flagged != 0 { return position + flagged.trailingZeroBitCount / 8 }
                position += 8
            }
        }
        while position < utf8.count {
            let byte = utf8[position]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return position }
            position += 1
        }
        return position
    }
}

extension JSONValue {
    /// The compact wire form (no insignificant whitespace), in the objects' insertion order.
    package func serialized() -> [UInt8] {
        // Most bodies (a resource, a chat completion) fit in 2 KiB: no regrowth on the way.
        var writer = JSONWriter(capacity: 2048)
        writer.write(self)
        return writer.bytes
    }

    /// Two-space indented text, for logs, the operator API and test failure messages.
    package var prettyString: String {
        var writer = JSONWriter(pretty: true)
        writer.write(self)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The compact form as text.
    package var compactString: String { String(decoding: serialized(), as: UTF8.self) }

    /// Appends the compact wire form to `bytes`: for bodies written straight into bytes around
    /// pre-rendered parts (chat completions, docs/dataplane.md "Speed").
    package func serialize(appendingTo bytes: inout [UInt8]) {
        var writer = JSONWriter(capacity: 0)
        swap(&writer.bytes, &bytes)
        writer.write(self)
        swap(&writer.bytes, &bytes)
    }
}

extension JSONObject {
    /// The compact wire form of this object.
    package func serialized() -> [UInt8] { JSONValue.object(self).serialized() }
}
