import ARMCore
import Foundation
import JSON

/// The OData `$filter` subset `az ad` sends (https://learn.microsoft.com/graph/filter-query-parameter):
/// clauses `field eq 'v'`, `startswith(field,'v')` and `field/any(c:c eq 'v')`, joined with `and`.
/// Clauses are matched against an object's Graph JSON, names and string values case-insensitively,
/// as Graph compares directory strings.
struct GraphFilter {
    enum Clause: Equatable {
        case equals(field: String, value: String)
        case startsWith(field: String, prefix: String)
        case anyEquals(field: String, value: String)
    }

    let clauses: [Clause]

    /// Throws Graph's `Request_UnsupportedQuery` for anything else.
    init(_ text: String) throws {
        let parts = Self.splitOnAnd(text)
        guard !parts.isEmpty else { throw ARMError.graphUnsupportedQuery(text) }
        clauses = try parts.map { part in
            guard let clause = Self.clause(part) else { throw ARMError.graphUnsupportedQuery(text) }
            return clause
        }
    }

    func matches(_ object: JSONObject) -> Bool {
        clauses.allSatisfy { clause in
            switch clause {
            case .equals(let field, let value):
                return Self.string(object, field)?.lowercased() == value.lowercased()
            case .startsWith(let field, let prefix):
                return Self.string(object, field)?.lowercased().hasPrefix(prefix.lowercased()) ?? false
            case .anyEquals(let field, let value):
                let values = Self.value(object, field)?.arrayValue ?? []
                return values.contains { $0.stringValue?.lowercased() == value.lowercased() }
            }
        }
    }

    static func value(_ object: JSONObject, _ field: String) -> JSONValue? {
        object.pairs.first { $0.0.lowercased() == field.lowercased() }?.1
    }

    static func string(_ object: JSONObject, _ field: String) -> String? {
        value(object, field)?.stringValue
    }

    /// Splits on ` and ` outside quotes.
    static func splitOnAnd(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuote = false
        var characters = Substring(text)
        while let character = characters.first {
            if character == "'" { inQuote.toggle() }
            if !inQuote, characters.lowercased().hasPrefix(" and ") {
                parts.append(current)
                current = ""
                characters = characters.dropFirst(5)
                continue
            }
            current.append(character)
            characters = characters.dropFirst()
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `'it''s'` -> `it's`; nil when not a quoted literal.
    static func literal(_ text: Substring) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 2, trimmed.hasPrefix("'"), trimmed.hasSuffix("'") else { return nil }
        return String(trimmed.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
    }

    static func clause(_ text: String) -> Clause? {
        let lowered = text.lowercased()
        if lowered.hasPrefix("startswith("), text.hasSuffix(")") {
            let inside = text.dropFirst("startswith(".count).dropLast()
            guard let comma = inside.firstIndex(of: ","), let prefix = literal(inside[inside.index(after: comma)...]) else { return nil }
            let field = inside[..<comma].trimmingCharacters(in: .whitespaces)
            return field.isEmpty ? nil : .startsWith(field: field, prefix: prefix)
        }
        if let any = text.range(of: "/any(", options: .caseInsensitive), text.hasSuffix(")") {
            let field = String(text[..<any.lowerBound]).trimmingCharacters(in: .whitespaces)
            let inside = text[any.upperBound..<text.index(before: text.endIndex)]
            guard let eq = inside.range(of: " eq ", options: .caseInsensitive), let value = literal(inside[eq.upperBound...]) else {
                return nil
            }
            return .anyEquals(field: field, value: value)
        }
        guard let eq = text.range(of: " eq ", options: .caseInsensitive), let value = literal(text[eq.upperBound...]) else { return nil }
        let field = text[..<eq.lowerBound].trimmingCharacters(in: .whitespaces)
        guard !field.isEmpty, field.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "/" }) else { return nil }
        return .equals(field: field, value: value)
    }
}
