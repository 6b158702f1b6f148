import EmulatorHTTP

/// `If-Match` / `If-None-Match` on a write (RPC Addendum "ETags for Resources"; docs/azure-behaviours.md "ETags and conditional requests"):
///
/// | header             | resource absent | resource present              |
/// |--------------------|-----------------|-------------------------------|
/// | `If-Match: *`      | 412             | proceed                       |
/// | `If-Match: "x"`    | 412             | proceed if the etag is x, else 412 |
/// | `If-None-Match: *` | proceed         | 412                           |
/// | `If-None-Match: "x"` | proceed       | 412 if the etag is x          |
///
/// Entity tags compare by their opaque value: quotes and a weak `W/` prefix are ignored.
package struct Precondition: Sendable, Equatable {
    /// nil when the header is absent; `["*"]` for any.
    package var ifMatch: [String]?
    package var ifNoneMatch: [String]?

    package init(ifMatch: String? = nil, ifNoneMatch: String? = nil) {
        self.ifMatch = ifMatch.map(Self.parseList)
        self.ifNoneMatch = ifNoneMatch.map(Self.parseList)
    }

    /// The precondition a request carries, or nil when it has neither header.
    package init?(headers: HTTPHeaders) {
        let ifMatch = headers["If-Match"]
        let ifNoneMatch = headers["If-None-Match"]
        guard ifMatch != nil || ifNoneMatch != nil else { return nil }
        self.init(ifMatch: ifMatch, ifNoneMatch: ifNoneMatch)
    }

    /// Throws 412 `PreconditionFailed` unless the write may go ahead on `existing`.
    package func check(_ existing: StoredResource?) throws {
        if let ifMatch {
            guard let existing else { throw ARMError.preconditionFailed }
            if !ifMatch.contains("*") && !ifMatch.contains(Self.opaque(existing.etag)) { throw ARMError.preconditionFailed }
        }
        if let ifNoneMatch, let existing {
            if ifNoneMatch.contains("*") || ifNoneMatch.contains(Self.opaque(existing.etag)) { throw ARMError.preconditionFailed }
        }
    }

    /// `"a", W/"b"` -> `["a", "b"]`.
    static func parseList(_ header: String) -> [String] {
        header.split(separator: ",").map { opaque(String($0)) }.filter { !$0.isEmpty }
    }

    /// The opaque part of an entity tag: no surrounding whitespace, `W/` or quotes.
    static func opaque(_ tag: String) -> String {
        var text = tag.trimmingASCIIWhitespace()[...]
        if text.hasPrefix("W/") || text.hasPrefix("w/") { text = text.dropFirst(2) }
        if text.count >= 2 && text.hasPrefix("\"") && text.hasSuffix("\"") { text = text.dropFirst().dropLast() }
        return String(text)
    }
}

extension ARMRequest {
    /// The request's `If-Match` / `If-None-Match`, if any.
    package var precondition: Precondition? { Precondition(headers: headers) }
}
