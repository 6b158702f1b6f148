/// One parsed HTTP/1.1 request, body fully read (Content-Length or chunked, already de-chunked).
package struct HTTPRequest: Sendable {
    /// The method as sent (RFC 9110 methods are case-sensitive; clients send upper case).
    package var method: String
    /// The raw request-target, e.g. `/subscriptions/x?api-version=2022-12-01`.
    package var target: String
    /// The path part of `target`, still percent-encoded.
    package var path: String
    /// The query part of `target` without the `?`, still percent-encoded; nil when absent.
    package var query: String?
    package var headers: HTTPHeaders
    package var body: [UInt8]
    /// Connection facts the ARM pipeline needs: scheme for absolute URLs, loopback for the operator API.
    package var isTLS: Bool
    package var remoteAddress: String
    package var isFromLoopback: Bool

    package init(
        method: String,
        target: String,
        headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = [],
        isTLS: Bool = false,
        remoteAddress: String = "127.0.0.1",
        isFromLoopback: Bool = true
    ) {
        self.method = method
        self.target = target
        // Over the contiguous bytes: `firstIndex(of: Character)` walks grapheme clusters and even
        // `utf8.firstIndex(of:)` goes index by index (2,000 instructions for an ARM target,
        // callgrind); a request-target is ASCII (RFC 9112 section 3.2).
        let utf8 = target.utf8
        let markOffset =
            utf8.withContiguousStorageIfAvailable { $0.firstIndex(of: UInt8(ascii: "?")) }
            ?? utf8.firstIndex(of: UInt8(ascii: "?")).map { utf8.distance(from: utf8.startIndex, to: $0) }
        if let markOffset {
            let mark = utf8.index(utf8.startIndex, offsetBy: markOffset)
            self.path = String(target[..<mark])
            self.query = String(target[utf8.index(after: mark)...])
        } else {
            self.path = target
            self.query = nil
        }
        self.headers = headers
        self.body = body
        self.isTLS = isTLS
        self.remoteAddress = remoteAddress
        self.isFromLoopback = isFromLoopback
    }

    /// `scheme://host` as the client addressed us, for absolute URLs (nextLink, Location, metadata).
    package var baseURL: String {
        let host = headers["Host"] ?? "localhost"
        return (isTLS ? "https://" : "http://") + host
    }
}
