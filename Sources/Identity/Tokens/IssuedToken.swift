import Foundation

/// An access token and when it expires (`GET /_emulator/token`).
package struct IssuedToken: Sendable, Equatable {
    package var token: String
    package var expiresOn: Date

    package init(token: String, expiresOn: Date) {
        self.token = token
        self.expiresOn = expiresOn
    }
}
