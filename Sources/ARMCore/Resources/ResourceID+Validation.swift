import EmulatorHTTP

/// Validation of the ids in a request path.
extension ResourceID {
    /// A GUID in 8-4-4-4-12 hexadecimal form, any case, no braces.
    package static func isGUID(_ text: String) -> Bool {
        text.withUTF8Bytes { guidBits($0, acceptingUpperCase: true) != nil }
    }

    /// Subscription ids are GUIDs; anything else is 400 `InvalidSubscriptionId` (docs/azure-behaviours.md "Case-insensitivity and names").
    /// azure-mgmt-core's auto-registration also relies on hex GUIDs (docs/azure-behaviours.md "Automatic provider registration").
    package static func validateSubscriptionID(_ text: String) throws {
        guard isGUID(text) else { throw ARMError.invalidSubscriptionId(text) }
    }
}
