/// Parses ABAC condition text (see `Condition`).
package struct ConditionParser {
    enum Token: Equatable {
        case open, close, not, and, or
        /// `@Source[attribute]`
        case attribute(source: String, name: String)
        /// `'text'`
        case string(String)
        /// `{...}` raw content
        case braces(String)
        case word(String)
    }

    private var tokens: [Token]
    private var position = 0

    package static func parse(_ text: String) throws(ConditionError) -> Condition {
        var parser = ConditionParser(tokens: try tokenize(text))
        guard !parser.tokens.isEmpty else { throw ConditionError("the condition is empty") }
        let condition = try parser.expression()
        guard parser.position == parser.tokens.count else { throw ConditionError("unexpected text after the end of the expression") }
        return condition
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var peek: Token? { position < tokens.count ? tokens[position] : nil }

    private mutating func expression() throws(ConditionError) -> Condition {
        var left = try conjunction()
        while peek == .or {
            position += 1
            left = .or(left, try conjunction())
        }
        return left
    }

    private mutating func conjunction() throws(ConditionError) -> Condition {
        var left = try unary()
        while peek == .and {
            position += 1
            left = .and(left, try unary())
        }
        return left
    }

    private mutating func unary() throws(ConditionError) -> Condition {
        if peek == .not {
            position += 1
            return .not(try unary())
        }
        return try primary()
    }

    private mutating func primary() throws(ConditionError) -> Condition {
        guard let token = peek else { throw ConditionError("the expression ends too early") }
        position += 1
        switch token {
        case .open:
            let inner = try expression()
            guard peek == .close else { throw ConditionError("a ')' is missing") }
            position += 1
            return inner
        case .word(let word) where word.lowercased() == "actionmatches" || word.lowercased() == "suboperationmatches":
            guard case .braces(let content) = peek else { throw ConditionError("\(word) needs {'...'}") }
            position += 1
            let values = try Self.items(content)
            guard values.count == 1 else { throw ConditionError("\(word) takes one quoted value") }
            return word.lowercased() == "actionmatches" ? .actionMatches(values[0]) : .subOperationMatches(values[0])
        case .attribute(let source, let name):
            guard case .word(let operatorText) = peek else { throw ConditionError("an operator must follow @\(source)[\(name)]") }
            position += 1
            let (quantifier, comparator, negated) = try Self.parseOperator(operatorText)
            guard let valueToken = peek else { throw ConditionError("a value must follow \(operatorText)") }
            position += 1
            let values: [String]
            switch valueToken {
            case .string(let text): values = [text]
            case .braces(let content): values = try Self.items(content)
            case .word(let text): values = [text]
            default: throw ConditionError("a value must follow \(operatorText)")
            }
            guard !values.isEmpty else { throw ConditionError("\(operatorText) has no value") }
            return .comparison(
                Condition.Comparison(
                    source: source.lowercased(), attribute: name, quantifier: quantifier, comparator: comparator, negated: negated,
                    values: values))
        default:
            throw ConditionError("unexpected \(Self.describe(token))")
        }
    }

    static func describe(_ token: Token) -> String {
        switch token {
        case .open: "'('"
        case .close: "')'"
        case .not: "'!'"
        case .and: "'AND'"
        case .or: "'OR'"
        case .attribute(let source, let name): "'@\(source)[\(name)]'"
        case .string(let text): "'\(text)'"
        case .braces(let text): "'{\(text)}'"
        case .word(let text): "'\(text)'"
        }
    }

    static let sources: Set<String> = ["resource", "request", "principal", "environment"]

    /// `[ForAnyOfAnyValues:]StringEquals[IgnoreCase]` and friends.
    static func parseOperator(_ text: String) throws(ConditionError) -> (Condition.Quantifier, Condition.Comparator, Bool) {
        var rest = Substring(text)
        var quantifier = Condition.Quantifier.single
        if let colon = rest.firstIndex(of: ":") {
            let prefix = rest[..<colon].lowercased()
            guard let found = Self.quantifiers[prefix] else { throw ConditionError("unknown set operator '\(rest[..<colon])'") }
            quantifier = found
            rest = rest[rest.index(after: colon)...]
        }
        var name = rest.lowercased()
        var ignoreCase = false
        if name.hasSuffix("ignorecase") {
            ignoreCase = true
            name.removeLast("ignorecase".count)
        }
        var negated = false
        for (positive, negative) in [
            ("stringequals", "stringnotequals"), ("stringstartswith", "stringnotstartswith"),
            ("stringlike", "stringnotlike"), ("guidequals", "guidnotequals"),
            ("numericequals", "numericnotequals"),
        ] where name == negative {
            name = positive
            negated = true
        }
        let comparator: Condition.Comparator
        switch name {
        case "stringequals": comparator = .stringEquals(ignoreCase: ignoreCase)
        case "stringstartswith": comparator = .stringStartsWith(ignoreCase: ignoreCase)
        case "stringlike": comparator = .stringLike(ignoreCase: ignoreCase)
        case "guidequals" where !ignoreCase: comparator = .guidEquals
        case "numericequals" where !ignoreCase: comparator = .numericEquals
        case "numericlessthan" where !ignoreCase: comparator = .numericLessThan
        case "numericgreaterthan" where !ignoreCase: comparator = .numericGreaterThan
        case "boolequals" where !ignoreCase: comparator = .boolEquals
        default: throw ConditionError("unknown operator '\(text)'")
        }
        return (quantifier, comparator, negated)
    }

    static let quantifiers: [String: Condition.Quantifier] = [
        "foranyofanyvalues": .forAnyOfAnyValues, "forallofanyvalues": .forAllOfAnyValues,
        "foranyofallvalues": .forAnyOfAllValues, "forallofallvalues": .forAllOfAllValues,
    ]

    /// The items of `{...}`: quoted strings or bare tokens, comma-separated.
    static func items(_ content: String) throws(ConditionError) -> [String] {
        var result: [String] = []
        var index = content.startIndex
        while index < content.endIndex {
            let character = content[index]
            if character == " " || character == "," || character == "\t" || character == "\n" || character == "\r" {
                index = content.index(after: index)
            } else if character == "'" {
                let start = content.index(after: index)
                guard let end = content[start...].firstIndex(of: "'") else {
                    throw ConditionError("an unterminated string in {\(content)}")
                }
                result.append(String(content[start..<end]))
                index = content.index(after: end)
            } else {
                let end = content[index...].firstIndex { $0 == "," || $0 == " " } ?? content.endIndex
                result.append(String(content[index..<end]))
                index = end
            }
        }
        return result
    }

    static func tokenize(_ text: String) throws(ConditionError) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var index = 0
        func isWordCharacter(_ c: Character) -> Bool {
            c.isLetter || c.isNumber || c == ":" || c == "-" || c == "." || c == "_" || c == "/"
        }
        while index < characters.count {
            let c = characters[index]
            if c.isWhitespace {
                index += 1
            } else if c == "(" {
                tokens.append(.open)
                index += 1
            } else if c == ")" {
                tokens.append(.close)
                index += 1
            } else if c == "!" {
                tokens.append(.not)
                index += 1
            } else if c == "&" || c == "|" {
                guard index + 1 < characters.count, characters[index + 1] == c else { throw ConditionError("a single '\(c)'") }
                tokens.append(c == "&" ? .and : .or)
                index += 2
            } else if c == "'" {
                guard let end = characters[(index + 1)...].firstIndex(of: "'") else { throw ConditionError("an unterminated string") }
                tokens.append(.string(String(characters[(index + 1)..<end])))
                index = end + 1
            } else if c == "{" {
                guard let end = characters[(index + 1)...].firstIndex(of: "}") else { throw ConditionError("a '}' is missing") }
                tokens.append(.braces(String(characters[(index + 1)..<end])))
                index = end + 1
            } else if c == "@" {
                var end = index + 1
                while end < characters.count, characters[end].isLetter { end += 1 }
                let source = String(characters[(index + 1)..<end])
                guard sources.contains(source.lowercased()) else { throw ConditionError("unknown attribute source '@\(source)'") }
                guard end < characters.count, characters[end] == "[", let close = characters[end...].firstIndex(of: "]") else {
                    throw ConditionError("'@\(source)' needs [attribute]")
                }
                tokens.append(.attribute(source: source, name: String(characters[(end + 1)..<close])))
                index = close + 1
            } else if isWordCharacter(c) {
                var end = index
                while end < characters.count, isWordCharacter(characters[end]) { end += 1 }
                let word = String(characters[index..<end])
                switch word.uppercased() {
                case "AND": tokens.append(.and)
                case "OR": tokens.append(.or)
                case "NOT": tokens.append(.not)
                default: tokens.append(.word(word))
                }
                index = end
            } else {
                throw ConditionError("unexpected character '\(c)'")
            }
        }
        return tokens
    }
}
