/// Validation of the ids in a request path.
extension ResourceID {
    /// A GUID in 8-4-4-4-12 hexadecimal form, any case, no braces.
    package static func isGUID(_ text: String) -> Bool {
        // Over the contiguous bytes: walking `utf8.enumerated()` cost 2,600 instructions a call,
        // once per request (callgrind of a PUT).
        func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.count == 36 else { return false }
            for offset in 0..<36 {
                let byte = bytes[offset]
                if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                    if byte != UInt8(ascii: "-") { return false }
                } else if !(byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 6) {  // 0-9, a-f, A-F
                    return false
                }
            }
            return true
        }
        if let result = text.utf8.withContiguousStorageIfAvailable(check) { return result }
        var text = text
        return text.withUTF8(check)
    }

    /// Subscription ids are GUIDs; anything else is 400 `InvalidSubscriptionId` (docs/azure-behaviours.md "Case-insensitivity and names").
    /// azure-mgmt-core's auto-registration also relies on hex GUIDs (docs/azure-behaviours.md "Automatic provider registration").
    package static func validateSubscriptionID(_ text: String) throws {
        guard isGUID(text) else { throw ARMError.invalidSubscriptionId(text) }
    }
}
