/// A stored resource's etag as the store keeps it: the quoted lower-case GUID every write issues
/// (`ResourceStore.newETag`) as its 128 bits, 16 bytes inside the record instead of a 38-byte
/// string on the heap (docs/performance.md "Compact storage and the PUT tail"); any other text (an imported state's) as
/// itself. It prints exactly the text it was made from.
enum CompactETag: Sendable, CustomStringConvertible {
    case guid(UInt64, UInt64)
    case text(String)

    init(_ text: String) {
        self = Self.guidBits(text).map { .guid($0.0, $0.1) } ?? .text(text)
    }

    var description: String {
        switch self {
        case .text(let text): text
        case .guid(let high, let low): Self.quotedGUID(high, low)
        }
    }

    /// `"xxxxxxxx-…"` written in one allocation (the etag is printed on every read of a record).
    private static func quotedGUID(_ high: UInt64, _ low: UInt64) -> String {
        String(unsafeUninitializedCapacity: 38) { buffer in
            let digits: StaticString = "0123456789abcdef"
            buffer[0] = UInt8(ascii: "\"")
            var position = 1
            for nibble in 0..<32 {
                if position == 9 || position == 14 || position == 19 || position == 24 {
                    buffer[position] = UInt8(ascii: "-")
                    position += 1
                }
                let word = nibble < 16 ? high : low
                buffer[position] = digits.utf8Start[Int((word >> UInt64(60 - (nibble % 16) * 4)) & 0xF)]
                position += 1
            }
            buffer[position] = UInt8(ascii: "\"")
            return position + 1
        }
    }

    /// The bits of `"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"` (quotes included, lower-case hex only,
    /// so the text round-trips); nil for anything else.
    private static func guidBits(_ text: String) -> (UInt64, UInt64)? {
        guard text.utf8.count == 38 else { return nil }
        var text = text
        return text.withUTF8(parse)
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        guard bytes.count == 38, bytes[0] == UInt8(ascii: "\""), bytes[37] == UInt8(ascii: "\"") else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var nibbles = 0
        for (position, byte) in bytes[1..<37].enumerated() {
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let value: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            if nibbles < 16 { high = high << 4 | UInt64(value) } else { low = low << 4 | UInt64(value) }
            nibbles += 1
        }
        return (high, low)
    }
}
