import Foundation

/// Why an `HTTPClient` call failed, in words an operator can act on. `kind` is what callers branch
/// on (a timeout is a 504 to the data plane, anything else a 502).
package struct HTTPClientError: Error, Sendable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        /// The URL or a header cannot be sent (not http/https, a CR or LF in a header).
        case invalidRequest
        /// getaddrinfo found no address for the host.
        case nameResolution
        /// Nothing listens on the port (ECONNREFUSED on every address).
        case connectionRefused
        /// Any other connect failure (unreachable network, reset during connect).
        case connectFailed
        /// The TLS handshake failed: the certificate is not trusted or names another host, or the
        /// server speaks no TLS.
        case tls
        /// The deadline of the call, or the idle limit between two reads, passed.
        case timeout
        /// The connection broke (reset) after it was made, before the response was complete.
        case connectionLost
        /// The server answered something that is not an HTTP/1.x response, or closed the
        /// connection before the end of the head or of a framed body.
        case malformedResponse
        /// A whole-body call's body is over `HTTPClientConfiguration.maximumBodyBytes`.
        case bodyTooLarge
        /// The consumer cancelled the call or let go of its transfer.
        case cancelled
        /// A system call failed (no file descriptors, no thread).
        case system
    }

    package var kind: Kind
    package var message: String

    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    package var description: String { message }

    package static let cancelled = HTTPClientError(.cancelled, "The call was cancelled.")
}

extension HTTPClientError: LocalizedError {
    /// So that `error.localizedDescription` shows the message, not a generic domain/code string.
    package var errorDescription: String? { message }
}
