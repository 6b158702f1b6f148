/// The request line and header section of one request, validated, with its framing decided
/// (RFC 9112 section 6.3).
struct HTTPRequestHead {
    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
    }

    var method: String
    /// origin-form (absolute-form is reduced to its path and query, RFC 9112 section 3.2.2), "*" or authority-form.
    var target: String
    var headers: HTTPHeaders
    /// 0 for HTTP/1.0, 1 for HTTP/1.1 (and any later 1.x, RFC 9110 section 6.2).
    var minorVersion: Int
    var framing: Framing
    /// Persistence after this exchange (RFC 9112 section 9.3).
    var keepAlive: Bool
    /// `Expect: 100-continue` on an HTTP/1.1 request (RFC 9110 section 10.1.1).
    var expectsContinue: Bool
    /// Bytes of the request line plus header section, counted against the header limit with trailers.
    var byteCount: Int

    var isHead: Bool { method == "HEAD" }
}
