/// URL query parameters. ARM treats parameter names case-insensitively (`api-version`,
/// `$skipToken`/`$skiptoken`); values are percent-decoded, `+` is a space (form encoding).
public struct QueryParameters: Sendable {
    public private(set) var items: [(name: String, value: String)]

    public init(_ raw: String) {
        items = raw.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]).replacingPlusWithSpace.removingPercentEncodingLeniently
            let value = parts.count > 1 ? String(parts[1]).replacingPlusWithSpace.removingPercentEncodingLeniently : ""
            return (name, value)
        }
    }

    /// The first value of `name` (case-insensitive), or nil.
    public subscript(name: String) -> String? {
        let lowered = name.lowercased()
        return items.first { $0.name.lowercased() == lowered }?.value
    }
}

extension String {
    var replacingPlusWithSpace: String { contains("+") ? replacingOccurrences(of: "+", with: " ") : self }
}
