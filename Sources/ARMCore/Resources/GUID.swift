/// A new random GUID (RFC 9562 version 4) in the lower-case form ARM uses. Foundation's `UUID()`
/// opens `/dev/urandom` on every call on Linux, and even `SystemRandomNumberGenerator` is one
/// `getrandom` system call per 8 bytes; this runs several times per request (request id,
/// correlation id, etags), so the bytes come from `RandomPool`, refilled 4 KiB at a time.
package func newGUID() -> String {
    hexString(RandomPool.shared.next128(), version4: true)
}

/// 32 random lower-case hex digits without dashes (the ids of data-plane answers, `chatcmpl-…`).
package func newRandomHex32() -> String {
    hexString(RandomPool.shared.next128(), version4: false)
}

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

/// `version4`: a GUID (version and variant bits, dashes at 8-13-18-23); else 32 plain hex digits.
private func hexString(_ random: (UInt64, UInt64), version4: Bool) -> String {
    var (high, low) = random
    guard version4 else {
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for nibble in 0..<16 {
                buffer[nibble] = hexDigits[Int((high >> UInt64(60 - nibble * 4)) & 0xF)]
                buffer[16 + nibble] = hexDigits[Int((low >> UInt64(60 - nibble * 4)) & 0xF)]
            }
            return 32
        }
    }
    high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000  // version 4
    low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // variant 10
    return String(unsafeUninitializedCapacity: 36) { buffer in
        var position = 0
        func emit(_ value: UInt64, nibbles: Int) {
            for shift in stride(from: (nibbles - 1) * 4, through: 0, by: -4) {
                if position == 8 || position == 13 || position == 18 || position == 23 {
                    buffer[position] = UInt8(ascii: "-")
                    position += 1
                }
                buffer[position] = hexDigits[Int((value >> UInt64(shift)) & 0xF)]
                position += 1
            }
        }
        emit(high, nibbles: 16)
        emit(low, nibbles: 16)
        return position
    }
}
