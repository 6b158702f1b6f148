/// A new random GUID (RFC 9562 version 4) in the lower-case form ARM uses. Built from the system
/// random generator directly: Foundation's `UUID()` opens `/dev/urandom` on every call on Linux,
/// and this runs several times per request (request id, correlation id, etags).
public func newGUID() -> String {
    var generator = SystemRandomNumberGenerator()
    var high = generator.next() as UInt64
    var low = generator.next() as UInt64
    high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000  // version 4
    low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // variant 10
    let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
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
