extension String {
    /// `lowercased()`, without a copy when there is nothing to lower (every host a client sends, as
    /// DNS names are written in lower case): `lowercased()` builds a new string each time, and the
    /// host is lowered on every data-plane call.
    var lowercasedIfNeeded: String {
        utf8.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") || $0 >= 0x80 } ? lowercased() : self
    }
}
