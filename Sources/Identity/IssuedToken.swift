import Foundation

/// An access token and when it expires (`GET /_emulator/token`).
public struct IssuedToken: Sendable, Equatable {
    public var token: String
    public var expiresOn: Date

    public init(token: String, expiresOn: Date) {
        self.token = token
        self.expiresOn = expiresOn
    }
}
