import Foundation

/// Why `HTTPServer.start()` (or certificate generation) failed, in words an operator can act on.
package struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    package enum Kind: Sendable, Equatable {
        case invalidConfiguration
        case addressResolution
        case bind
        case listen
        case tls
        case certificate
        case system
        case alreadyStarted
    }

    package var kind: Kind
    package var message: String

    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    package var description: String { message }
}

extension HTTPServerError: LocalizedError {
    /// So that `error.localizedDescription` shows the message, not a generic domain/code string.
    package var errorDescription: String? { message }
}
