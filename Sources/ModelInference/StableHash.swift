/// FNV-1a, 64-bit (Fowler/Noll/Vo, IETF draft-eastlake-fnv): a hash that is the same in every process and
/// on every platform, unlike Swift's `Hasher`, which is seeded per process. Every "random" choice of the
/// built-in model and of the embeddings derives from it, so answers are reproducible.
package struct StableHash: Sendable, Equatable {
    package private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    package init() {}

    package init(_ text: String) {
        combine(text)
    }

    package mutating func combine(_ text: String) {
        for byte in text.utf8 { combine(byte: byte) }
        combine(byte: 0xFF)  // separator: ("ab","c") and ("a","bc") differ
    }

    package mutating func combine(_ number: Int) {
        var bits = UInt64(bitPattern: Int64(number))
        for _ in 0..<8 {
            combine(byte: UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    private mutating func combine(byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }
}
