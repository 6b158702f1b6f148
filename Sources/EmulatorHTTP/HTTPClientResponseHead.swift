/// The status line and header fields of a response, as the server sent them.
package struct HTTPClientResponseHead: Sendable {
    package var status: Int
    package var reason: String
    package var headers: HTTPHeaders

    package init(status: Int, reason: String = "", headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.reason = reason
        self.headers = headers
    }
}
