extension String {
    /// The non-empty `/`-separated segments, as they are (still percent-encoded). Split on the UTF-8
    /// bytes: `split(separator:)` on a `String` walks `Character`s, and did so several times per
    /// request in a profile of the request path (`scripts/benchmark-dataplane`).
    package var nonEmptyPathSegments: [String] {
        utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
    }

    /// The first non-empty segment, lower-cased (`dataplane`, `_emulator`): the top-level dispatch
    /// needs no more than that.
    package var firstPathSegmentLowercased: String {
        let bytes = utf8
        guard let start = bytes.firstIndex(where: { $0 != UInt8(ascii: "/") }) else { return "" }
        let end = bytes[start...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
        return String(Substring(bytes[start..<end])).lowercased()
    }
}
