/// A response the server writes as-is. `Content-Length`, `Transfer-Encoding`, `Date`, `Connection` and
/// `Server` are set by the server; a handler sets everything else.
package struct HTTPResponse: Sendable {
    package var status: Int
    package var headers: HTTPHeaders
    package var body: [UInt8]
    /// When set, the content is produced while it is sent; `body` is ignored. HTTP/1.1 clients get it
    /// chunked (RFC 9112 section 7.1), HTTP/1.0 clients until the connection closes (RFC 9112 section 6.3).
    package var stream: HTTPBodyStream?

    package init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], stream: HTTPBodyStream? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.stream = stream
    }

    /// A JSON body with `Content-Type: application/json; charset=utf-8`.
    package static func json(_ status: Int, _ body: [UInt8], headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        var headers = headers
        headers.set("Content-Type", "application/json; charset=utf-8")
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    package static func text(_ status: Int, _ text: String, contentType: String = "text/plain; charset=utf-8") -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders([("Content-Type", contentType)]), body: Array(text.utf8))
    }
}
