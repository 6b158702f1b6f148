/// A new random GUID (RFC 9562 version 4) in the lower-case form ARM uses. Foundation's `UUID()`
/// opens `/dev/urandom` on every call on Linux, and even `SystemRandomNumberGenerator` is one
/// `getrandom` system call per 8 bytes; this runs several times per request (request id,
/// correlation id, etags), so the bytes come from `RandomPool`, refilled 4 KiB at a time.
package func newGUID() -> String {
    let (high, low) = newGUIDBits()
    return guidString(high, low)
}

/// The 128 bits of a new random GUID (version 4), for callers that keep ids as numbers.
package func newGUIDBits() -> (UInt64, UInt64) {
    let (high, low) = RandomPool.shared.next128()
    return ((high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000, (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000)
}

/// 32 random lower-case hex digits without dashes (the ids of data-plane answers, `chatcmpl-…`).
package func newRandomHex32() -> String {
    let (high, low) = RandomPool.shared.next128()
    return String(unsafeUninitializedCapacity: 32) { buffer in
        for nibble in 0..<16 {
            buffer[nibble] = hexDigits[Int((high >> UInt64(60 - nibble * 4)) & 0xF)]
            buffer[16 + nibble] = hexDigits[Int((low >> UInt64(60 - nibble * 4)) & 0xF)]
        }
        return 32
    }
}

/// 128 bits as ARM writes a GUID: lower-case hex, dashes at 8-13-18-23.
package func guidString(_ high: UInt64, _ low: UInt64) -> String {
    String(unsafeUninitializedCapacity: 36) { buffer in writeGUID(high, low, into: buffer, at: 0) }
}

/// Writes the 36 characters of `guidString(high, low)` into `buffer` from `start`; answers the
/// position after them.
package func writeGUID(_ high: UInt64, _ low: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
    var position = start
    for nibble in 0..<32 {
        if position - start == 8 || position - start == 13 || position - start == 18 || position - start == 23 {
            buffer[position] = UInt8(ascii: "-")
            position += 1
        }
        let word = nibble < 16 ? high : low
        buffer[position] = hexDigits[Int((word >> UInt64(60 - (nibble % 16) * 4)) & 0xF)]
        position += 1
    }
    return position
}

/// The bits of a GUID written as `guidString` writes it (36 bytes, lower-case hex only, so the
/// text round-trips); nil for anything else. Stores and logs keep such ids as 16 bytes.
package func guidBits(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
    guard bytes.count == 36 else { return nil }
    var high: UInt64 = 0
    var low: UInt64 = 0
    var nibbles = 0
    for (position, byte) in bytes.enumerated() {
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

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
