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
        writeHex(high, into: buffer, at: 0)
        writeHex(low, into: buffer, at: 16)
        return 32
    }
}

/// 128 bits as ARM writes a GUID: lower-case hex, dashes at 8-13-18-23.
package func guidString(_ high: UInt64, _ low: UInt64) -> String {
    String(unsafeUninitializedCapacity: 36) { buffer in writeGUID(high, low, into: buffer, at: 0) }
}

/// Writes the 36 characters of `guidString(high, low)` into `buffer` from `start`; answers the
/// position after them. Group by group, the digits computed rather than looked up: a global table
/// cost a `swift_once` check per digit, and the per-digit dash test a branch (callgrind of a PUT).
package func writeGUID(_ high: UInt64, _ low: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
    precondition(start >= 0 && buffer.count - start >= 36, "a GUID needs 36 bytes")
    let dash = UInt8(ascii: "-")
    writeHex(high >> 32, digits: 8, into: buffer, at: start)
    buffer[start + 8] = dash
    writeHex(high >> 16, digits: 4, into: buffer, at: start + 9)
    buffer[start + 13] = dash
    writeHex(high, digits: 4, into: buffer, at: start + 14)
    buffer[start + 18] = dash
    writeHex(low >> 48, digits: 4, into: buffer, at: start + 19)
    buffer[start + 23] = dash
    writeHex(low, digits: 12, into: buffer, at: start + 24)
    return start + 36
}

/// The low `digits` nibbles of `value` as lower-case hex, most significant first. The caller has
/// checked that the bytes fit.
@inline(__always)
private func writeHex(_ value: UInt64, digits: Int = 16, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
    var rest = value
    var position = start + digits
    while position > start {
        position -= 1
        let nibble = UInt8(truncatingIfNeeded: rest & 0xF)
        // '0' is 0x30; 'a' is 0x61, 0x57 + 10
        buffer.baseAddress.unsafelyUnwrapped[position] = nibble &+ (nibble < 10 ? 0x30 : 0x57)
        rest >>= 4
    }
}

/// The bits of a GUID written as `guidString` writes it (36 bytes, lower-case hex only, so the
/// text round-trips); nil for anything else. Stores and logs keep such ids as 16 bytes.
/// `acceptingUpperCase` also takes `A`-`F` (any GUID in 8-4-4-4-12 form, `ResourceID.isGUID`).
package func guidBits(_ bytes: UnsafeBufferPointer<UInt8>, acceptingUpperCase: Bool = false) -> (UInt64, UInt64)? {
    guard bytes.count == 36, let base = bytes.baseAddress else { return nil }
    let dash = UInt8(ascii: "-")
    guard base[8] == dash, base[13] == dash, base[18] == dash, base[23] == dash else { return nil }
    var high: UInt64 = 0
    var low: UInt64 = 0
    var valid = true
    @inline(__always) func nibble(_ byte: UInt8) -> UInt64 {
        let digit = byte &- 0x30
        if digit < 10 { return UInt64(digit) }
        let letter = (acceptingUpperCase ? byte | 0x20 : byte) &- 0x61
        if letter < 6 { return UInt64(letter) + 10 }
        valid = false
        return 0
    }
    for position in 0..<18 where position != 8 && position != 13 { high = high << 4 | nibble(base[position]) }
    for position in 19..<36 where position != 23 { low = low << 4 | nibble(base[position]) }
    return valid ? (high, low) : nil
}
