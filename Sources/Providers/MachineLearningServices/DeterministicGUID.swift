/// A GUID derived from a name: the same input always gives the same GUID (version 8 layout,
/// RFC 9562 section 5.8, from two 64-bit FNV-1a hashes). Used where Azure's id is a function of other ids
/// and must be stable across repeats, e.g. the role assignment the ML service makes for a project.
enum DeterministicGUID {
    static func make(_ name: String) -> String {
        func fnv1a(_ seed: UInt64) -> UInt64 {
            var hash = seed
            for byte in name.lowercased().utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return hash
        }
        var high = fnv1a(0xCBF2_9CE4_8422_2325)
        var low = fnv1a(0x6C62_272E_07BB_0142)
        high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_8000  // version 8
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // variant 10
        let hex = String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
        let characters = Array(hex)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }.joined(separator: "-")
    }
}

extension String {
    fileprivate func leftPadded(_ length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
