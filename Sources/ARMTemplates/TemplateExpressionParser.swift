import ARMCore

/// Parses ARM template expressions: function calls, single-quoted string literals (a quote is
/// doubled to escape it), integers, `.property` and `[index]` access.
package struct TemplateExpressionParser {
    private let chars: [Character]
    private var position = 0
    private let source: String

    init(_ source: String) {
        self.source = source
        chars = Array(source)
    }

    /// The expression of a JSON string value, or nil when the string is a plain literal. A string
    /// that starts with `[[` is a literal with the first bracket removed (ARM's escape).
    package static func expression(inJSONString text: String) throws -> TemplateExpression? {
        guard text.hasPrefix("["), text.hasSuffix("]"), text.count >= 2 else { return nil }
        if text.hasPrefix("[[") { return .literal(.string(String(text.dropFirst()))) }
        return try parse(String(text.dropFirst().dropLast()))
    }

    /// Parses one whole expression (without the surrounding brackets).
    package static func parse(_ text: String) throws -> TemplateExpression {
        var parser = TemplateExpressionParser(text)
        parser.skipSpace()
        let expression = try parser.parseExpression()
        parser.skipSpace()
        guard parser.position == parser.chars.count else { throw parser.error("unexpected '\(parser.chars[parser.position])'") }
        return expression
    }

    private func error(_ problem: String) -> TemplateError {
        TemplateError(
            code: "InvalidTemplate",
            "The language expression '\(source)' is not valid: \(problem) at position \(position).")
    }

    private mutating func skipSpace() {
        while position < chars.count, chars[position].isWhitespace { position += 1 }
    }

    private mutating func parseExpression() throws -> TemplateExpression {
        var expression = try parsePrimary()
        while position < chars.count {
            if chars[position] == "." {
                position += 1
                let name = readIdentifier()
                guard !name.isEmpty else { throw error("a property name is expected after '.'") }
                expression = .property(expression, name)
            } else if chars[position] == "[" {
                position += 1
                skipSpace()
                let index = try parseExpression()
                skipSpace()
                guard position < chars.count, chars[position] == "]" else { throw error("']' is expected") }
                position += 1
                expression = .index(expression, index)
            } else {
                break
            }
        }
        return expression
    }

    private mutating func parsePrimary() throws -> TemplateExpression {
        guard position < chars.count else { throw error("the expression ends unexpectedly") }
        let char = chars[position]
        if char == "'" { return .literal(.string(try readString())) }
        if char.isNumber || char == "-" || char == "+" { return try readNumber() }
        let name = readIdentifier()
        guard !name.isEmpty else { throw error("unexpected '\(char)'") }
        skipSpace()
        // Bare `true`, `false` and `null` read as literals (ARM accepts them as well as `true()`).
        if position >= chars.count || chars[position] != "(" {
            switch name.lowercased() {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default: break
            }
        }
        guard position < chars.count, chars[position] == "(" else {
            throw error("the function '\(name)' must be followed by '('")
        }
        position += 1
        var arguments: [TemplateExpression] = []
        skipSpace()
        if position < chars.count, chars[position] == ")" {
            position += 1
            return .call(name.lowercased(), arguments)
        }
        while true {
            skipSpace()
            arguments.append(try parseExpression())
            skipSpace()
            guard position < chars.count else { throw error("')' is expected") }
            if chars[position] == "," {
                position += 1
            } else if chars[position] == ")" {
                position += 1
                return .call(name.lowercased(), arguments)
            } else {
                throw error("',' or ')' is expected")
            }
        }
    }

    private mutating func readIdentifier() -> String {
        var name = ""
        while position < chars.count, chars[position].isLetter || chars[position].isNumber || chars[position] == "_" {
            name.append(chars[position])
            position += 1
        }
        return name
    }

    private mutating func readString() throws -> String {
        position += 1
        var text = ""
        while position < chars.count {
            if chars[position] == "'" {
                if position + 1 < chars.count, chars[position + 1] == "'" {
                    text.append("'")
                    position += 2
                    continue
                }
                position += 1
                return text
            }
            text.append(chars[position])
            position += 1
        }
        throw error("the string literal is not terminated")
    }

    private mutating func readNumber() throws -> TemplateExpression {
        var text = ""
        if chars[position] == "-" || chars[position] == "+" {
            text.append(chars[position])
            position += 1
        }
        while position < chars.count, chars[position].isNumber || chars[position] == "." {
            text.append(chars[position])
            position += 1
        }
        if let value = Int64(text) { return .literal(.int(value)) }
        if let value = Double(text) { return .literal(.double(value)) }
        throw error("'\(text)' is not a number")
    }
}
