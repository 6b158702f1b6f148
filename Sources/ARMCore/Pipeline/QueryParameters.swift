import EmulatorHTTP

/// URL query parameters. ARM treats parameter names case-insensitively (`api-version`,
/// `$skipToken`/`$skiptoken`); values are percent-decoded, `+` is a space (form encoding).
package struct QueryParameters: Sendable {
    package private(set) var items: [(name: String, value: String)]

    package init(_ raw: String) {
        // One pass over the contiguous UTF-8 bytes: splitting the String walks grapheme clusters,
        // and `UTF8View.split` was 1% of an ARM GET's CPU (perf). Pairs split on `&` (empty ones
        // dropped), each on its first `=`; `&` and `=` are ASCII, so every piece is valid UTF-8.
        var raw = raw
        items = raw.withUTF8 { bytes in
            func text(_ range: Range<Int>) -> String {
                let piece = UnsafeBufferPointer(rebasing: bytes[range])
                let plain = String(decoding: piece, as: UTF8.self)
                // Most pieces have neither `+` nor `%`: one look at their bytes here, rather than
                // the two decoders each searching the new string's `UTF8View` (perf).
                guard piece.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else { return plain }
                return plain.replacingPlusWithSpace.removingPercentEncodingLeniently
            }
            var items: [(name: String, value: String)] = []
            var start = 0
            for position in 0...bytes.count where position == bytes.count || bytes[position] == UInt8(ascii: "&") {
                defer { start = position + 1 }
                guard position > start else { continue }
                if let equals = bytes[start..<position].firstIndex(of: UInt8(ascii: "=")) {
                    items.append((text(start..<equals), text(equals + 1..<position)))
                } else {
                    items.append((text(start..<position), ""))
                }
            }
            return items
        }
    }

    /// The first value of `name` (case-insensitive), or nil.
    package subscript(name: String) -> String? {
        // `equalsIgnoringCase` is `lowercased() ==` without the two allocations per item.
        items.first { $0.name.equalsIgnoringCase(name) }?.value
    }
}

extension String {
    var replacingPlusWithSpace: String { utf8.contains(UInt8(ascii: "+")) ? replacingOccurrences(of: "+", with: " ") : self }
}
