import Foundation

/// Why a token was refused. The ARM middleware maps `expired` to ExpiredAuthenticationToken and
/// everything else to InvalidAuthenticationToken.
package enum JWTError: Error, Sendable, Equatable {
    case malformed(String)
    case unsupportedAlgorithm(String)
    case unknownKey(String?)
    case badSignature
    case expired(expiry: Date, now: Date)
    case notYetValid(notBefore: Date, now: Date)
    case unknownTenant(String?)
    /// Signed by us but not an access token (an id_token, refresh token or device code).
    case notAnAccessToken

    /// A short reason for error messages.
    package var reason: String {
        switch self {
        case .malformed(let detail): "The token is malformed: \(detail)"
        case .unsupportedAlgorithm(let alg): "The token's signing algorithm '\(alg)' is not supported; only RS256 is."
        case .unknownKey(let kid): "The token was signed with an unknown key '\(kid ?? "(none)")'."
        case .badSignature: "The token's signature is invalid."
        case .expired(let expiry, _): "The token expired at \(expiry)."
        case .notYetValid(let notBefore, _): "The token is not valid before \(notBefore)."
        case .unknownTenant(let tid): "The token's tenant '\(tid ?? "(none)")' is not known to this emulator."
        case .notAnAccessToken: "The token is not an access token."
        }
    }
}
