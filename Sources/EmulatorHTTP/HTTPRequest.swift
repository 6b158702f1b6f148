/// One parsed HTTP/1.1 request, body fully read (Content-Length or chunked, already de-chunked).
public struct HTTPRequest: Sendable {
    /// The method as sent (RFC 9110 methods are case-sensitive; clients send upper case).
    public var method: String
    /// The raw request-target, e.g. `/subscriptions/x?api-version=2022-12-01`.
    public var target: String
    /// The path part of `target`, still percent-encoded.
    public var path: String
    /// The query part of `target` without the `?`, still percent-encoded; nil when absent.
    public var query: String?
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Connection facts the ARM pipeline needs: scheme for absolute URLs, loopback for the operator API.
    public var isTLS: Bool
    public var remoteAddress: String
    public var isFromLoopback: Bool

    public init(
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
        if let mark = target.firstIndex(of: "?") {
            self.path = String(target[..<mark])
            self.query = String(target[target.index(after: mark)...])
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
    public var baseURL: String {
        let host = headers["Host"] ?? "localhost"
        return (isTLS ? "https://" : "http://") + host
    }
}
