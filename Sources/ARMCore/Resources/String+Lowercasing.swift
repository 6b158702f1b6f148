import EmulatorHTTP

extension String {
    /// `lowercased()`, but the string itself when it is ASCII without upper-case letters (a GUID or
    /// a name already in lower case): no new storage in the common case on the request path. Other
    /// ASCII text is lowered byte by byte into a string of its exact size: `lowercased()` goes
    /// through Unicode case mapping and took a third of building an id (callgrind).
    package var lowercasedIfNeeded: String {
        if isLowercaseASCII { return self }
        let count = utf8.count
        var isASCII = true
        let lowered = String(unsafeUninitializedCapacity: count) { target in
            withUTF8Bytes { source in
                guard let from = UnsafeRawPointer(source.baseAddress), let to = UnsafeMutableRawPointer(target.baseAddress) else {
                    return
                }
                var index = 0
                // Eight bytes at a time: 'A'...'Z' get 0x20 added (their flag bit 0x80, shifted).
                while index + 8 <= count {
                    let word = from.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if word & Self.highBits != 0 { isASCII = false }
                    to.storeBytes(of: word | Self.upperCaseFlags(word) >> 2, toByteOffset: index, as: UInt64.self)
                    index += 8
                }
                while index < count {
                    let byte = source[index]
                    if byte >= 0x80 { isASCII = false }
                    target[index] = Self.isUpperCaseASCII(byte) ? byte | 0x20 : byte
                    index += 1
                }
            }
            return count
        }
        return isASCII ? lowered : lowercased()
    }

    /// ASCII with no `A`-`Z`: its own `lowercased()`.
    package var isLowercaseASCII: Bool {
        // Over the bytes (`withUTF8Bytes`): `utf8.allSatisfy` walked the view one index at a time
        // (perf). Eight bytes at a time: ids run to 100 bytes and more, and this runs on several per request.
        func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while index + 8 <= bytes.count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if word & Self.highBits != 0 || Self.upperCaseFlags(word) != 0 { return false }
                    index += 8
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x80 || Self.isUpperCaseASCII(byte) { return false }
                index += 1
            }
            return true
        }
        return withUTF8Bytes(check)
    }

    @inline(__always) private static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// The high bit of each byte of `word` that is 'A'...'Z', for a word whose bytes are all below
    /// 0x80: byte + 0x3F has its high bit set from 'A' (0x41) up, byte + 0x25 from '[' (0x5B) up,
    /// with no carry into the next byte.
    @inline(__always) private static func upperCaseFlags(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        return (word &+ ones &* 0x3F) & ~(word &+ ones &* 0x25) & highBits
    }

    /// 'A'...'Z': the bytes whose distance from 'A' is below 26.
    @inline(__always) private static func isUpperCaseASCII(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "A") < 26 }
}
