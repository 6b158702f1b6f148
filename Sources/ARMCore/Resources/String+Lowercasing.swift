extension String {
    /// `lowercased()`, but the string itself when it is ASCII without upper-case letters (a GUID or
    /// a name already in lower case): no new storage in the common case on the request path.
    package var lowercasedIfNeeded: String {
        isLowercaseASCII ? self : lowercased()
    }

    /// ASCII with no `A`-`Z`: its own `lowercased()`.
    package var isLowercaseASCII: Bool {
        utf8.allSatisfy { $0 < 0x80 && !($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }
    }
}
