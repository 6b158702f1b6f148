import ARMCore
import Foundation

/// `$filter=name.value eq '{usageName}'` on usage lists (docs/azure-behaviours.md "Accounts: SKUs, usages and models"); other filters are
/// 400.
struct UsageFilter {
    let name: String?

    init(_ text: String?) throws {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            name = nil
            return
        }
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 3, parts[0].lowercased() == "name.value", parts[1].lowercased() == "eq" else {
            throw ARMError.invalidFilter(text)
        }
        var value = parts[2...].joined(separator: " ")
        guard value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") else { throw ARMError.invalidFilter(text) }
        value = String(value.dropFirst().dropLast())
        name = value
    }

    func matches(_ usageName: String) -> Bool {
        guard let name else { return true }
        return name.lowercased() == usageName.lowercased()
    }
}
