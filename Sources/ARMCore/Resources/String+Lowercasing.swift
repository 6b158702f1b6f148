extension String {
    /// `lowercased()`, but the string itself when it is ASCII without upper-case letters (a GUID or
    /// a name already in lower case): no new storage in the common case on the request path.
    package var lowercasedIfNeeded: String {
        isLowercaseASCII ? self : lowercased()
    }

    /// ASCII with no `A`-`Z`: its own `lowercased()`.
    package var isLowercaseASCII: Bool {
        // Over the contiguous bytes: `utf8.allSatisfy` walked the view one index at a time (perf).
        // Borrowed where the storage is contiguous (always, for native strings): `withUTF8` needs a
        // mutable copy, a retain and release of the storage on every call (perf).
        func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            for byte in bytes where byte >= 0x80 || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) { return false }
            return true
        }
        if let result = utf8.withContiguousStorageIfAvailable(check) { return result }
        var text = self
        return text.withUTF8(check)
    }
}
