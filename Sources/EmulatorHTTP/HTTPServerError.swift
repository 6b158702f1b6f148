import Foundation

/// Why `HTTPServer.start()` (or certificate generation) failed, in words an operator can act on.
public struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case invalidConfiguration
        case addressResolution
        case bind
        case listen
        case tls
        case certificate
        case system
        case alreadyStarted
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

extension HTTPServerError: LocalizedError {
    /// So that `error.localizedDescription` shows the message, not a generic domain/code string.
    public var errorDescription: String? { message }
}
