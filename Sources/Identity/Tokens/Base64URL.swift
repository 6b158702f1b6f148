import Foundation

/// Base64url without padding (RFC 7515 section 2, RFC 4648 section 5): the encoding of every JWT segment and
/// JWK member.
package enum Base64URL {
    package static func encode<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    package static func encode(_ text: String) -> String { encode(Array(text.utf8)) }

    /// nil for anything that is not base64url (padding is tolerated, `+` and `/` are not).
    package static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var base64 = String(text)
        while base64.hasSuffix("=") { base64.removeLast() }
        guard base64.utf8.allSatisfy({ Base64URL.isAlphabet($0) }), base64.utf8.count % 4 != 1 else { return nil }
        base64 = base64.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        return Data(base64Encoded: base64).map { Array($0) }
    }

    private static func isAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }
}
