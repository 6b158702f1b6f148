/// ARM's own name rules (docs/azure-behaviours.md "Name and tag rules"; learn.microsoft.com "resource-name-rules"; RPC
/// resource-api-reference "Put Resource"). Providers add their type-specific rules on top.
/// Lengths count UTF-16 code units, as ARM (.NET) does.
package enum NameRules {
    package static let resourceGroupMaxLength = 90
    package static let resourceNameMaxLength = 260

    /// Resource group names: 1-90 characters of letters and digits (Unicode included), `_`, `(`,
    /// `)`, `-`, `.`; not ending in `.`. ARM's pattern is `^[-\w\._\(\)]+$` with .NET's `\w`
    /// (letters, marks, decimal digits, connector punctuation).
    package static func validateResourceGroupName(_ name: String) throws {
        // The usual name (ASCII letters, digits and `-._()`) is checked byte by byte; anything else
        // character by character (every PUT of a group asks; perf).
        if !name.utf8.allSatisfy(isResourceGroupASCIIByte) {
            var invalid: [Character] = []
            for character in name where !isResourceGroupCharacter(character) && !invalid.contains(character) {
                invalid.append(character)
            }
            if !invalid.isEmpty {
                throw ARMError.invalidResourceGroup(name, invalidCharacters: String(invalid))
            }
        }
        let length = name.utf16.count
        guard length >= 1, length <= resourceGroupMaxLength, !name.hasSuffix(".") else {
            throw ARMError.invalidResourceGroupName(name)
        }
    }

    package static func isValidResourceGroupName(_ name: String) -> Bool {
        (try? validateResourceGroupName(name)) != nil
    }

    /// The generic rule for any resource name: at most 260 characters, none of
    /// `< > % & : \ ? /` and no control characters (RPC).
    package static func validateResourceName(_ name: String, type: String) throws {
        let length = name.utf16.count
        guard length >= 1, length <= resourceNameMaxLength,
            !name.unicodeScalars.contains(where: isForbiddenInResourceName)
        else {
            throw ARMError.invalidResourceName(
                name, type: type,
                rule:
                    "The name must be 1 to \(resourceNameMaxLength) characters long and must not contain "
                    + "'<', '>', '%', '&', ':', '\\', '?', '/' or control characters."
            )
        }
    }

    /// An ASCII byte `isResourceGroupCharacter` accepts as a character of its own.
    static func isResourceGroupASCIIByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "_"): true
        default: false
        }
    }

    static func isResourceGroupCharacter(_ character: Character) -> Bool {
        guard character.unicodeScalars.count >= 1 else { return false }
        // A base scalar followed by combining marks (still `\w` in .NET, one scalar at a time).
        return character.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "-", ".", "(", ")", "_": return true
            default: break
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .decimalNumber, .connectorPunctuation:
                return true
            default:
                return false
            }
        }
    }

    static func isForbiddenInResourceName(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "<", ">", "%", "&", ":", "\\", "?", "/": return true
        default: return scalar.properties.generalCategory == .control
        }
    }
}
