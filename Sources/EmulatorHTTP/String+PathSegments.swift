extension String {
    /// The non-empty `/`-separated segments, as they are (still percent-encoded). Split on the UTF-8
    /// bytes: `split(separator:)` on a `String` walks `Character`s, and did so several times per
    /// request in a profile of the request path (`scripts/benchmark-dataplane`).
    /// One pass over contiguous UTF-8, each segment copied straight into its `String` (a `/` never
    /// splits a multi-byte character, so every segment is valid UTF-8 as it is).
    package var nonEmptyPathSegments: [String] {
        var path = self
        return path.withUTF8 { bytes in
            // Room for every segment at once (at most one more than the slashes): growing the
            // array segment by segment was three allocations for an ARM resource path (perf).
            var slashes = 0
            for byte in bytes { slashes &+= byte == UInt8(ascii: "/") ? 1 : 0 }
            var segments: [String] = []
            segments.reserveCapacity(slashes + 1)
            var start = 0
            for position in 0...bytes.count where position == bytes.count || bytes[position] == UInt8(ascii: "/") {
                if position > start {
                    segments.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
                }
                start = position + 1
            }
            return segments
        }
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
