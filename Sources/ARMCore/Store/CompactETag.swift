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
            buffer[0] = UInt8(ascii: "\"")
            let end = writeGUID(high, low, into: buffer, at: 1)
            buffer[end] = UInt8(ascii: "\"")
            return end + 1
        }
    }

    /// The bits of `"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"` (quotes included, lower-case hex only,
    /// so the text round-trips); nil for anything else.
    private static func guidBits(_ text: String) -> (UInt64, UInt64)? {
        guard text.utf8.count == 38 else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            guard bytes[0] == UInt8(ascii: "\""), bytes[37] == UInt8(ascii: "\"") else { return nil }
            return ARMCore.guidBits(UnsafeBufferPointer(rebasing: bytes[1..<37]))
        }
    }
}
