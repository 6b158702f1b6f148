extension String {
    /// `lowercased() == other.lowercased()` without allocating for ASCII text (header and query
    /// parameter names, path literals); anything else falls back to the full comparison.
    package func equalsIgnoringCase(_ other: String) -> Bool {
        // Over both strings' bytes (a `UTF8View` iterator per side cost ~1% of a GET: the request's
        // header lookups). nil: non-ASCII text decides it, by the full comparison.
        withUTF8Bytes(and: other, Self.asciiEquality) ?? (lowercased() == other.lowercased())
    }

    /// The ASCII case-insensitive equality of two UTF-8 texts; nil when non-ASCII bytes decide it.
    private static func asciiEquality(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard a.count == b.count else { return a.allSatisfy({ $0 < 0x80 }) && b.allSatisfy({ $0 < 0x80 }) ? false : nil }
        for index in 0..<a.count {
            let x = a[index]
            let y = b[index]
            if x >= 0x80 || y >= 0x80 { return nil }
            if x != y && asciiLower(x) != asciiLower(y) { return false }
        }
        return true
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
