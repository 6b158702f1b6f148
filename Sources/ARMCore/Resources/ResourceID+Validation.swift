/// Validation of the ids in a request path.
extension ResourceID {
    /// A GUID in 8-4-4-4-12 hexadecimal form, any case, no braces.
    package static func isGUID(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == 36 else { return false }
        for (offset, byte) in utf8.enumerated() {
            switch offset {
            case 8, 13, 18, 23:
                if byte != UInt8(ascii: "-") { return false }
            default:
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"):
                    continue
                default:
                    return false
                }
            }
        }
        return true
    }

    /// Subscription ids are GUIDs; anything else is 400 `InvalidSubscriptionId` (docs/azure-behaviours.md "Case-insensitivity and names").
    /// azure-mgmt-core's auto-registration also relies on hex GUIDs (docs/azure-behaviours.md "Automatic provider registration").
    package static func validateSubscriptionID(_ text: String) throws {
        guard isGUID(text) else { throw ARMError.invalidSubscriptionId(text) }
    }
}
