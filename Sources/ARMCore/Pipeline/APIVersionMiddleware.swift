/// Requires `?api-version=` (any casing of the name) and that it is well-formed:
/// `YYYY-MM-DD` with a real calendar date, optionally followed by `-preview`, `-privatepreview`,
/// `-beta` or `-alpha` (docs/azure-behaviours.md "api-version"). Any well-formed version is accepted, because clients send
/// versions newer than any list (docs/azure-behaviours.md "What the management SDKs need"); providers that keep an allow-list check it
/// themselves. Sets `request.apiVersion`.
package struct APIVersionMiddleware: ARMRequestStep {
    package init() {}

    package func prepare(_ request: inout ARMRequest) throws {
        guard let version = request.query["api-version"], !version.isEmpty else { throw ARMError.missingAPIVersion }
        guard Self.isWellFormed(version) else { throw ARMError.invalidAPIVersion(version, supported: []) }
        request.apiVersion = version
    }

    package static let suffixes = ["preview", "privatepreview", "beta", "alpha"]

    package static func isWellFormed(_ version: String) -> Bool {
        // Read in place: a copy of the bytes into an array was an allocation per request.
        var version = version
        return version.withUTF8 { utf8 in
            guard utf8.count >= 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return false }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for byte in utf8[range] {
                    guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
                year >= 1, (1...12).contains(month), day >= 1, day <= CivilTime.daysInMonth(year: year, month: month)
            else { return false }
            if utf8.count == 10 { return true }
            guard utf8[10] == UInt8(ascii: "-") else { return false }
            let suffix = String(decoding: utf8[11...], as: UTF8.self).lowercased()
            return suffixes.contains(suffix)
        }
    }
}
