extension String {
    /// `lowercased() == other.lowercased()` without allocating for ASCII text (header and query
    /// parameter names, path literals); anything else falls back to the full comparison.
    package func equalsIgnoringCase(_ other: String) -> Bool {
        var left = utf8.makeIterator()
        var right = other.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil):
                return true
            case (let a?, let b?):
                if a >= 0x80 || b >= 0x80 { return lowercased() == other.lowercased() }
                if a != b && Self.asciiLower(a) != Self.asciiLower(b) { return false }
            default:
                let isASCII = utf8.allSatisfy { $0 < 0x80 } && other.utf8.allSatisfy { $0 < 0x80 }
                return isASCII ? false : lowercased() == other.lowercased()
            }
        }
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
