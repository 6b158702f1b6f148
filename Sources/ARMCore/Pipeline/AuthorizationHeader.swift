import Foundation

/// The `Authorization` header's bearer credential, as the data planes read it (the OpenAI and Foundry
/// endpoints' keys and tokens, Key Vault's tokens).
package enum AuthorizationHeader {
    /// `Bearer <value>`, scheme case-insensitive (RFC 9110 section 11.1); nil for another scheme or
    /// an empty value.
    package static func bearerValue(_ header: String) -> String? {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > 7, trimmed.prefix(7).lowercased() == "bearer " else { return nil }
        let value = trimmed.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }
}
