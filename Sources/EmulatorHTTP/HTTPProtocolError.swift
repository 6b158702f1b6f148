/// A request the server answers itself, before (or instead of) the handler. Each case knows its
/// status; `HTTPServerConfiguration.protocolErrorResponder` decides the body. The connection is
/// always closed after such a response (RFC 9112 section 9.6): the framing of what follows is unknown.
package enum HTTPProtocolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 400: the message is not valid HTTP/1.1 (RFC 9112).
    case malformedRequest(String)
    /// 431: request line plus header section (or trailer section) larger than the limit (RFC 6585 section 5).
    case headersTooLarge(limit: Int)
    /// 413: the content is larger than the limit (RFC 9110 section 15.5.14).
    case bodyTooLarge(limit: Int)
    /// 501: a transfer coding other than `chunked` (RFC 9112 section 6.1).
    case unsupportedTransferEncoding(String)
    /// 414: a request-target longer than the limit (RFC 9112 section 3).
    case uriTooLong(limit: Int)
    /// 408: the request did not arrive in time (RFC 9110 section 15.5.9).
    case requestTimeout
    /// 417: an `Expect` other than `100-continue` (RFC 9110 section 10.1.1).
    case expectationFailed(String)
    /// 505: a major protocol version other than 1 (RFC 9110 section 15.6.6).
    case httpVersionNotSupported(String)

    /// The status code of the response.
    package var status: Int {
        switch self {
        case .malformedRequest: 400
        case .headersTooLarge: 431
        case .bodyTooLarge: 413
        case .unsupportedTransferEncoding: 501
        case .uriTooLong: 414
        case .requestTimeout: 408
        case .expectationFailed: 417
        case .httpVersionNotSupported: 505
        }
    }

    /// A stable, ARM-style error code (PascalCase).
    package var code: String {
        switch self {
        case .malformedRequest: "BadRequest"
        case .headersTooLarge: "RequestHeaderFieldsTooLarge"
        case .bodyTooLarge: "RequestEntityTooLarge"
        case .unsupportedTransferEncoding: "NotImplemented"
        case .uriTooLong: "RequestUriTooLong"
        case .requestTimeout: "RequestTimeout"
        case .expectationFailed: "ExpectationFailed"
        case .httpVersionNotSupported: "HttpVersionNotSupported"
        }
    }

    /// A human-readable explanation.
    package var message: String {
        switch self {
        case .malformedRequest(let reason): "The request is malformed: \(reason)."
        case .headersTooLarge(let limit): "The request line and headers exceed the limit of \(limit) bytes."
        case .bodyTooLarge(let limit): "The request body exceeds the limit of \(limit) bytes."
        case .unsupportedTransferEncoding(let coding): "The transfer coding '\(coding)' is not supported; only 'chunked' is."
        case .uriTooLong(let limit): "The request target exceeds the limit of \(limit) bytes."
        case .requestTimeout: "The request was not received in time."
        case .expectationFailed(let value): "The expectation '\(value)' is not supported; only '100-continue' is."
        case .httpVersionNotSupported(let version): "The protocol version '\(version)' is not supported; use HTTP/1.1."
        }
    }

    package var description: String { "\(status) \(code): \(message)" }
}
