/// A client secret of an application (Graph `passwordCredential`). Graph returns `secretText`
/// once, from `addPassword`; afterwards only `hint` (its first three characters) shows.
public struct PasswordCredential: Sendable, Codable, Equatable {
    public var keyId: String
    public var displayName: String?
    public var secretText: String
    public var startDateTime: String
    public var endDateTime: String

    public init(keyId: String, displayName: String?, secretText: String, startDateTime: String, endDateTime: String) {
        self.keyId = keyId.lowercased()
        self.displayName = displayName
        self.secretText = secretText
        self.startDateTime = startDateTime
        self.endDateTime = endDateTime
    }

    public var hint: String { String(secretText.prefix(3)) }
}
