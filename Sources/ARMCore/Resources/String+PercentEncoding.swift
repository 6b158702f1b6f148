import Foundation

extension String {
    /// Percent-decodes, keeping the input as it is when it is not valid percent-encoding
    /// (a lone `%` in a name is then rejected by name validation, not by the decoder).
    package var removingPercentEncodingLeniently: String {
        // A byte scan: `contains("%")` goes through Foundation's locale-aware search.
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        return removingPercentEncoding ?? self
    }

    /// Percent-encodes for use in a URL query value.
    package var addingQueryValueEncoding: String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#?")
        return addingPercentEncoding(withAllowedCharacters: allowed) ?? self
    }
}
