extension String {
    /// The non-empty `/`-separated segments, as they are (still percent-encoded). Split on the UTF-8
    /// bytes: `split(separator:)` on a `String` walks `Character`s, and did so several times per
    /// request in a profile of the request path (`scripts/benchmark-dataplane`).
    public var nonEmptyPathSegments: [String] {
        utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
    }
}
