import EmulatorHTTP

/// URL query parameters. ARM treats parameter names case-insensitively (`api-version`,
/// `$skipToken`/`$skiptoken`); values are percent-decoded, `+` is a space (form encoding).
package struct QueryParameters: Sendable {
    package private(set) var items: [(name: String, value: String)]

    package init(_ raw: String) {
        // Split on the UTF-8 bytes: splitting the String itself walks grapheme clusters.
        items = raw.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(Substring(parts[0])).replacingPlusWithSpace.removingPercentEncodingLeniently
            let value = parts.count > 1 ? String(Substring(parts[1])).replacingPlusWithSpace.removingPercentEncodingLeniently : ""
            return (name, value)
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
