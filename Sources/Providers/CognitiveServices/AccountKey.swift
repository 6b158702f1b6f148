import Foundation

/// An account key as Azure AI services issue them today: 84 characters in the Common Annotated
/// Security Key layout (microsoft/security-utilities, `IdentifiableSecrets`; the Azure CLI's secret
/// masker recognises it with the `SEC101/200 CommonAnnotatedSecurityKey` pattern):
///
///     52 random base62 | JQQJ | 9 9 (primary key) | year, month (A = 2024, A = January)
///     | 12 platform characters | 4 provider characters | ACOG (Cognitive Services) | 4 checksum
///
/// Real keys seen in public code have that shape, e.g. `…JQQJ99BFACYeBjFXJ3w3AAALACOGz5j0`.
/// The emulator's last four characters are random, not a Marvin32 checksum (clients treat keys as
/// opaque; docs/accounts-and-deployments.md).
package enum AccountKey {
    static let base62 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
    static let base64 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    package static let length = 84

    package static func generate(at date: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        let year = base64[min(max((parts.year ?? 2024) - 2024, 0), 61)]
        let month = base64[min(max((parts.month ?? 1) - 1, 0), 11)]
        return random(52) + "JQQJ99" + String([year, month]) + "AC" + random(5) + "XJ3w3" + "AAAA" + "ACOG" + random(4)
    }

    static func random(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<count).map { _ in base62[Int.random(in: 0..<base62.count, using: &generator)] })
    }
}
