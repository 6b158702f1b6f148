/// One request for `HTTPClient`: the body, if any, goes out whole with its Content-Length.
package struct HTTPClientRequest: Sendable {
    package var method: String
    package var url: HTTPClientURL
    /// Sent as given; the client adds `Host`, `Content-Length` and `Connection: close` itself.
    package var headers: HTTPHeaders
    package var body: [UInt8]?

    package init(method: String = "GET", url: HTTPClientURL, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8]? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The same, from the URL's text; throws `invalidRequest` when it is not an http(s) URL.
    package init(
        method: String = "GET", url: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8]? = nil
    )
        throws(HTTPClientError)
    {
        self.init(method: method, url: try HTTPClientURL(url), headers: headers, body: body)
    }

    /// The request head and body as written on the wire. One request per connection
    /// (`Connection: close`): these calls are few, and a closed connection ends every body kind.
    func encoded() throws(HTTPClientError) -> [UInt8] {
        guard !method.isEmpty, method.utf8.allSatisfy({ Self.isTokenByte($0) }) else {
            throw HTTPClientError(.invalidRequest, "'\(method)' is not an HTTP method.")
        }
        var text = "\(method) \(url.pathAndQuery) HTTP/1.1\r\nHost: \(url.hostField)\r\n"
        for (name, value) in headers {
            guard !name.isEmpty, name.utf8.allSatisfy({ Self.isTokenByte($0) }),
                !value.utf8.contains(where: { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") || $0 == 0 })
            else {
                throw HTTPClientError(.invalidRequest, "The header '\(name)' cannot be sent (not a token, or a line break in its value).")
            }
            if name.equalsIgnoringCase("Host") || name.equalsIgnoringCase("Content-Length") || name.equalsIgnoringCase("Connection")
                || name.equalsIgnoringCase("Transfer-Encoding")
            {
                continue
            }
            text += "\(name): \(value)\r\n"
        }
        if let body {
            text += "Content-Length: \(body.count)\r\n"
        } else if ["POST", "PUT", "PATCH"].contains(method) {
            text += "Content-Length: 0\r\n"
        }
        text += "Connection: close\r\n\r\n"
        return Array(text.utf8) + (body ?? [])
    }

    /// tchar (RFC 9110 section 5.6.2).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
