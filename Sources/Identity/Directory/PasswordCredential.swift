/// A client secret of an application (Graph `passwordCredential`). Graph returns `secretText`
/// once, from `addPassword`; afterwards only `hint` (its first three characters) shows.
package struct PasswordCredential: Sendable, Codable, Equatable {
    package var keyId: String
    package var displayName: String?
    package var secretText: String
    package var startDateTime: String
    package var endDateTime: String

    package init(keyId: String, displayName: String?, secretText: String, startDateTime: String, endDateTime: String) {
        self.keyId = keyId.lowercased()
        self.displayName = displayName
        self.secretText = secretText
        self.startDateTime = startDateTime
        self.endDateTime = endDateTime
    }

    package var hint: String { String(secretText.prefix(3)) }
}
