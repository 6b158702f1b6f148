import ARMCore
import Foundation

/// The `$filter` parser: a byte scanner, no regular expressions, bounded by `maxLength`, so a
/// hostile filter is a quick 400. Keywords and field names are case-insensitive; values are quoted
/// (`'…'`, `''` inside is a quote, OData) or bare; each field may appear once.
extension ActivityLogFilter {
    /// Longer filters are refused before scanning (az's longest, with a resource id, is a few hundred bytes).
    package static let maxLength = 4096

    enum Token: Equatable {
        case word(String)
        case quoted(String)

        var text: String {
            switch self {
            case .word(let text), .quoted(let text): text
            }
        }
    }

    package init(parsing text: String) throws(InsightsError) {
        guard text.utf8.count <= Self.maxLength else {
            throw .invalidFilter("the filter is longer than \(Self.maxLength) characters.")
        }
        let tokens = try Self.tokens(of: text)
        var start: Date?
        var end: Date?
        var clauses: [String: String] = [:]
        var index = 0
        func next() -> Token? {
            defer { index += 1 }
            return index < tokens.count ? tokens[index] : nil
        }
        while true {
            guard case .word(let field)? = next() else { throw .invalidFilter("expected a property name.") }
            guard case .word(let op)? = next() else { throw .invalidFilter("expected an operator after '\(field)'.") }
            guard var value = next()?.text else { throw .invalidFilter("expected a value after '\(field) \(op)'.") }
            let name = field.lowercased()
            let comparison = op.lowercased()
            if name == "eventtimestamp" {
                // A `+hh:mm` offset sent unencoded arrives as ` hh:mm` (`+` is a space in a query).
                if index < tokens.count, case .word(let offset) = tokens[index], Self.isOffset(offset) {
                    value += "+" + offset
                    index += 1
                }
                guard let date = Self.timestamp(value) else { throw .invalidFilter("'\(value)' is not a valid eventTimestamp.") }
                switch comparison {
                case "ge":
                    guard start == nil else { throw .invalidFilter("'eventTimestamp ge' appears more than once.") }
                    start = date
                case "le":
                    guard end == nil else { throw .invalidFilter("'eventTimestamp le' appears more than once.") }
                    end = date
                default:
                    throw .invalidFilter("eventTimestamp supports only 'ge' and 'le', not '\(op)'.")
                }
            } else {
                guard let canonical = Self.equalityFields[name] else { throw .invalidFilter("'\(field)' is not a supported property.") }
                guard comparison == "eq" else { throw .invalidFilter("'\(field)' supports only 'eq', not '\(op)'.") }
                guard clauses.updateValue(value, forKey: canonical) == nil else {
                    throw .invalidFilter("'\(canonical)' appears more than once.")
                }
            }
            guard let joiner = next() else { break }
            guard case .word(let word) = joiner, word.lowercased() == "and" else {
                throw .invalidFilter("clauses must be joined with 'and', found '\(joiner.text)'.")
            }
            guard index < tokens.count else { throw .invalidFilter("the filter ends with 'and'.") }
        }
        guard let start else { throw .missingFilter() }
        self.init(start: start, end: end)
        resourceGroupName = clauses["resourceGroupName"]
        resourceID = clauses["resourceUri"]
        resourceProvider = clauses["resourceProvider"]
        correlationID = clauses["correlationId"]
        caller = clauses["caller"]
        status = clauses["status"]
        channels = clauses["eventChannels"].map { text in
            text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// Lower-cased field name -> the clause it sets (`resourceId` is a synonym of `resourceUri`).
    static let equalityFields: [String: String] = [
        "resourcegroupname": "resourceGroupName", "resourceuri": "resourceUri", "resourceid": "resourceUri",
        "resourceprovider": "resourceProvider", "correlationid": "correlationId", "caller": "caller", "status": "status",
        "eventchannels": "eventChannels",
    ]

    static func tokens(of text: String) throws(InsightsError) -> [Token] {
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                index += 1
            } else if byte == UInt8(ascii: "'") {
                var value: [UInt8] = []
                index += 1
                var closed = false
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "'") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
                            value.append(UInt8(ascii: "'"))
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    value.append(bytes[index])
                    index += 1
                }
                guard closed else { throw .invalidFilter("a quoted value is not closed.") }
                tokens.append(.quoted(String(decoding: value, as: UTF8.self)))
            } else {
                let begin = index
                while index < bytes.count,
                    ![UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "'")]
                        .contains(bytes[index])
                {
                    index += 1
                }
                tokens.append(.word(String(decoding: bytes[begin..<index], as: UTF8.self)))
            }
        }
        return tokens
    }

    /// `hh:mm`.
    static func isOffset(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 5 && bytes[2] == UInt8(ascii: ":")
            && [0, 1, 3, 4].allSatisfy { bytes[$0] >= UInt8(ascii: "0") && bytes[$0] <= UInt8(ascii: "9") }
    }

    /// ISO 8601 as the clients send it: `YYYY-MM-DDTHH:MM:SS`, optional fraction of 1 to 7 digits,
    /// then `Z`, `±hh:mm`, ` hh:mm` (a decoded `+`) or nothing (naive: UTC, what az sends by default);
    /// a bare date is midnight UTC.
    package static func timestamp(_ text: String) -> Date? {
        var value = text.trimmingCharacters(in: .whitespaces)
        let bytes = Array(value.utf8)
        if bytes.count == 10 { value += "T00:00:00" }
        let head = Array(value.utf8)
        guard head.count >= 19 else { return nil }
        // Fraction digits: at most 7 (.NET ticks).
        var index = 19
        if index < head.count, head[index] == UInt8(ascii: ".") {
            index += 1
            let begin = index
            while index < head.count, head[index] >= UInt8(ascii: "0"), head[index] <= UInt8(ascii: "9") { index += 1 }
            guard index - begin >= 1, index - begin <= 7 else { return nil }
        }
        if index == head.count {
            value += "Z"
        } else if head[index] == UInt8(ascii: " ") {
            value = String(decoding: head[..<index], as: UTF8.self) + "+" + String(decoding: head[(index + 1)...], as: UTF8.self)
        }
        return ARMTimestamp.date(from: value)
    }
}
