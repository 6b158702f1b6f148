import ARMCore
import JSON

/// The `$filter` grammar of Resources_List and ResourceGroups_List (docs/azure-behaviours.md "Generic resource lists and $filter"): clauses
/// `field eq 'v'` / `field ne 'v'` and `substringof('v', field)` joined by `and`. Names and
/// values compare case-insensitively, except tag values (case-sensitive, docs/azure-behaviours.md "Name and tag rules").
struct ResourceFilter: Sendable {
    enum Field: String, Sendable, CaseIterable {
        case resourceType, name, location, resourceGroup, tagName, tagValue
    }

    enum Clause: Sendable {
        case equals(Field, String, negated: Bool)
        case substring(Field, String)
    }

    let clauses: [Clause]

    /// ARM leaves tags out of results filtered by tag name and value (docs/azure-behaviours.md "Generic resource lists and $filter").
    var hidesTags: Bool {
        let fields = clauses.compactMap { clause -> Field? in
            if case .equals(let field, _, _) = clause { return field }
            return nil
        }
        return fields.contains(.tagName) && fields.contains(.tagValue)
    }

    init(_ text: String?, allowed: Set<Field>) throws {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            clauses = []
            return
        }
        var parsed: [Clause] = []
        for part in Self.splitOnAnd(text) {
            guard let clause = Self.parseClause(part), allowed.contains(clause.field) else {
                throw ARMError.invalidFilter(text)
            }
            parsed.append(clause)
        }
        if parsed.contains(where: { if case .equals(.tagValue, _, _) = $0 { return true } else { return false } }),
            !parsed.contains(where: { if case .equals(.tagName, _, _) = $0 { return true } else { return false } })
        {
            throw ARMError.invalidFilter(text)
        }
        clauses = parsed
    }

    func matches(_ body: JSONObject, resourceGroup: String?) -> Bool {
        let tags = body["tags"]?.objectValue ?? JSONObject()
        var tagName: String?
        for clause in clauses {
            if case .equals(.tagName, let value, _) = clause { tagName = value }
        }
        for clause in clauses {
            switch clause {
            case .equals(let field, let value, let negated):
                let result: Bool
                switch field {
                case .tagName:
                    result = tags.keys.contains { $0.lowercased() == value.lowercased() }
                case .tagValue:
                    let key = tags.keys.first { $0.lowercased() == (tagName ?? "").lowercased() }
                    result = key.flatMap { tags[$0]?.stringValue } == value
                default:
                    result = fieldValue(field, body, resourceGroup)?.lowercased() == value.lowercased()
                }
                if result == negated { return false }
            case .substring(let field, let value):
                guard let actual = fieldValue(field, body, resourceGroup), actual.lowercased().contains(value.lowercased()) else {
                    return false
                }
            }
        }
        return true
    }

    private func fieldValue(_ field: Field, _ body: JSONObject, _ resourceGroup: String?) -> String? {
        switch field {
        case .resourceType: body["type"]?.stringValue
        case .name: body["name"]?.stringValue
        case .location: body["location"]?.stringValue
        case .resourceGroup: resourceGroup
        case .tagName, .tagValue: nil
        }
    }

    /// Splits on ` and ` outside quotes.
    private static func splitOnAnd(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuote = false
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "'" { inQuote.toggle() }
            if !inQuote, character == " ", index + 5 <= characters.count,
                String(characters[index..<index + 5]).lowercased() == " and "
            {
                parts.append(current)
                current = ""
                index += 5
                continue
            }
            current.append(character)
            index += 1
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    private static func parseClause(_ text: String) -> Clause? {
        if text.lowercased().hasPrefix("substringof(") && text.hasSuffix(")") {
            let inner = text.dropFirst("substringof(".count).dropLast()
            guard let comma = inner.lastIndex(of: ",") else { return nil }
            guard let value = unquote(String(inner[..<comma]).trimmingCharacters(in: .whitespaces)),
                let field = field(String(inner[inner.index(after: comma)...]).trimmingCharacters(in: .whitespaces))
            else { return nil }
            return .substring(field, value)
        }
        let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard words.count == 3, let field = field(words[0]), let value = unquote(words[2]) else { return nil }
        switch words[1].lowercased() {
        case "eq": return .equals(field, value, negated: false)
        case "ne": return .equals(field, value, negated: true)
        default: return nil
        }
    }

    private static func field(_ name: String) -> Field? {
        Field.allCases.first { $0.rawValue.lowercased() == name.lowercased() }
    }

    /// `'it''s'` -> `it's` (OData doubles quotes inside strings).
    private static func unquote(_ text: String) -> String? {
        guard text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") else { return nil }
        return String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }
}

extension ResourceFilter.Clause {
    var field: ResourceFilter.Field {
        switch self {
        case .equals(let field, _, _), .substring(let field, _): field
        }
    }
}
