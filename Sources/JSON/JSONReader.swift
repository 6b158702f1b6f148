/// The parser's cursor. Line and position are computed only when an error is reported.
struct JSONReader {
    private enum PathComponent {
        case key(String)
        case index(Int)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let count: Int
    private let maxDepth: Int
    private let options: JSONParser.Options
    private var index = 0
    private var depth = 0
    private var path: [PathComponent] = []

    init(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int, options: JSONParser.Options) {
        self.bytes = buffer
        self.count = buffer.count
        self.maxDepth = maxDepth
        self.options = options
    }

    mutating func parseDocument() throws -> JSONValue {
        // A UTF-8 byte order mark is tolerated (RFC 8259 section 8.1 allows ignoring it).
        if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        try skipWhitespace()
        guard index < count else { throw failure("Unexpected end when reading JSON.", at: index) }
        let value = try parseValue()
        try skipWhitespace()
        if index < count {
            throw failure("Additional text encountered after finished reading JSON content: \(describe(at: index)).", at: index)
        }
        return value
    }

    // MARK: values

    private mutating func parseValue() throws -> JSONValue {
        guard index < count else { throw failure("Unexpected end when reading JSON.", at: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true", kind: "boolean")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false", kind: "boolean")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null", kind: "null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "N"): throw failure("Error parsing NaN value.", at: index)
        case UInt8(ascii: "I"): throw failure("Error parsing Infinity value.", at: index)
        default:
            throw failure("Unexpected character encountered while parsing value: \(describe(at: index)).", at: index)
        }
    }

    private mutating func enterContainer() throws {
        guard depth < maxDepth else {
            throw failure("The reader's MaxDepth of \(maxDepth) has been exceeded.", at: index)
        }
        depth += 1
        index += 1
    }

    private mutating func parseObject() throws -> JSONValue {
        try enterContainer()
        var object = JSONObject()
        try skipWhitespace()
        if index < count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(object)
        }
        // Room for a few members at once: growing from empty reallocated twice for the two
        // members of a typical ARM body (callgrind); a parsed tree is a request's, not kept.
        object.reserveCapacity(4)
        path.append(.key(""))
        while true {
            try skipWhitespace()
            guard index < count else { throw failure("Unexpected end when reading JSON.", at: index) }
            let keyStart = index
            let key: String
            if bytes[index] == UInt8(ascii: "\"") {
                key = try parseString()
            } else if options.contains(.allowTrailingCommas) && bytes[index] == UInt8(ascii: "}") && object.count > 0 {
                index += 1
                break
            } else if options.contains(.allowUnquotedKeys) && Self.isIdentifierByte(bytes[index]) {
                key = parseUnquotedKey()
            } else {
                throw failure("Invalid property identifier character: \(describe(at: index)).", at: index)
            }
            path[path.count - 1] = .key(key)
            try skipWhitespace()
            guard index < count else { throw failure("Unexpected end when reading JSON.", at: index) }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw failure("Invalid character after parsing property name. Expected ':' but got: \(describe(at: index)).", at: index)
            }
            index += 1
            try skipWhitespace()
            let value = try parseValue()
            guard object.insertNew(key, value) else {
                throw failure("Can not add property \(key) to object. Property with the same name already exists on object.", at: keyStart)
            }
            try skipWhitespace()
            guard index < count else { throw failure("Unexpected end when reading JSON.", at: index) }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "}") { break }
            index -= 1
            throw failure("After parsing a value an unexpected character was encountered: \(describe(at: index)).", at: index)
        }
        path.removeLast()
        depth -= 1
        return .object(object)
    }

    private mutating func parseArray() throws -> JSONValue {
        try enterContainer()
        var array: [JSONValue] = []
        try skipWhitespace()
        if index < count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(array)
        }
        path.append(.index(0))
        while true {
            path[path.count - 1] = .index(array.count)
            try skipWhitespace()
            if options.contains(.allowTrailingCommas) && !array.isEmpty && index < count && bytes[index] == UInt8(ascii: "]") {
                index += 1
                break
            }
            array.append(try parseValue())
            try skipWhitespace()
            guard index < count else { throw failure("Unexpected end when reading JSON.", at: index) }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "]") { break }
            index -= 1
            throw failure("After parsing a value an unexpected character was encountered: \(describe(at: index)).", at: index)
        }
        path.removeLast()
        depth -= 1
        return .array(array)
    }

    private mutating func expectLiteral(_ literal: StaticString, kind: String) throws {
        let length = literal.utf8CodeUnitCount
        let matches =
            index + length <= count
            && literal.withUTF8Buffer { expected in
                for offset in 0..<length where bytes[index + offset] != expected[offset] { return false }
                return true
            }
        guard matches else { throw failure("Error parsing \(kind) value.", at: index) }
        index += length
        if index < count && !isDelimiter(bytes[index]) {
            throw failure("Unexpected character encountered while parsing value: \(describe(at: index)).", at: index)
        }
    }

    // MARK: numbers

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
            if index < count && bytes[index] == UInt8(ascii: "I") { throw failure("Error parsing Infinity value.", at: start) }
        }
        guard index < count, Self.isDigit(bytes[index]) else { throw invalidNumber(from: start) }
        // Integer part, accumulated negatively so that Int64.min fits.
        var accumulator: Int64 = 0
        var overflow = false
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < count && Self.isDigit(bytes[index]) { throw invalidNumber(from: start) }
        } else {
            while index < count, Self.isDigit(bytes[index]) {
                if !overflow {
                    let (times10, o1) = accumulator.multipliedReportingOverflow(by: 10)
                    let (next, o2) = times10.subtractingReportingOverflow(Int64(bytes[index] &- UInt8(ascii: "0")))
                    if o1 || o2 { overflow = true } else { accumulator = next }
                }
                index += 1
            }
        }
        var isInteger = true
        if index < count && bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < count, Self.isDigit(bytes[index]) else { throw invalidNumber(from: start) }
            while index < count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if index < count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard index < count, Self.isDigit(bytes[index]) else { throw invalidNumber(from: start) }
            while index < count, Self.isDigit(bytes[index]) { index += 1 }
        }
        if index < count && !isDelimiter(bytes[index]) {
            throw failure("Unexpected character encountered while parsing number: \(describe(at: index)).", at: index)
        }
        if isInteger && !overflow {
            if negative { return .int(accumulator) }
            if accumulator != .min { return .int(-accumulator) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw failure("JSON number \(text) is too large or small for a Double.", at: start)
        }
        return .double(value)
    }

    private func invalidNumber(from start: Int) -> JSONParseError {
        var end = index
        while end < count && !isDelimiter(bytes[end]) && end - start < 64 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return failure("Input string '\(text)' is not a valid number.", at: start)
    }

    // MARK: strings

    /// At the opening quote. ASCII runs and valid multi-byte sequences are scanned in place; only
    /// a string with escapes is copied through a scratch buffer.
    private mutating func parseString() throws -> String {
        index += 1
        let start = index
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if byte < 0x20 { throw controlCharacter(at: index) }
            if byte < 0x80 { index += 1 } else { index += try validateMultiByte(at: index) }
        }
        throw failure("Unterminated string. Expected delimiter: \".", at: count)
    }

    private mutating func parseEscapedString(from start: Int) throws -> String {
        var scratch: [UInt8] = []
        scratch.reserveCapacity(index - start + 16)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try appendEscape(to: &scratch)
            case 0..<0x20:
                throw controlCharacter(at: index)
            case 0x80...:
                let length = try validateMultiByte(at: index)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                index += length
            default:
                scratch.append(byte)
                index += 1
            }
        }
        throw failure("Unterminated string. Expected delimiter: \".", at: count)
    }

    private mutating func appendEscape(to scratch: inout [UInt8]) throws {
        let escapeStart = index
        index += 1
        guard index < count else { throw failure("Unterminated string. Expected delimiter: \".", at: count) }
        let code = bytes[index]
        index += 1
        switch code {
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try readHex4(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate (RFC 8259 section 7).
                guard index + 1 < count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw failure("Invalid Unicode escape sequence: lone surrogate \\u\(hex(scalar)).", at: escapeStart)
                }
                let lowStart = index
                index += 2
                let low = try readHex4(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw failure("Invalid Unicode escape sequence: lone surrogate \\u\(hex(scalar)).", at: escapeStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw failure("Invalid Unicode escape sequence: lone surrogate \\u\(hex(scalar)).", at: escapeStart)
            }
            Self.appendUTF8(scalar, to: &scratch)
        default:
            throw failure("Bad JSON escape sequence: \\\(describeByte(code)).", at: escapeStart)
        }
    }

    private mutating func readHex4(escapeStart: Int) throws -> UInt32 {
        guard index + 4 <= count else { throw failure("Unexpected end while parsing Unicode escape sequence.", at: count) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default:
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<index + 4]), as: UTF8.self)
                throw failure("Invalid Unicode escape sequence: \\u\(text).", at: escapeStart)
            }
            value = value << 4 | digit
        }
        index += 4
        return value
    }

    /// Length of the valid UTF-8 sequence starting at `at` (Unicode 15 Table 3-7), or throws.
    private func validateMultiByte(at position: Int) throws -> Int {
        let lead = bytes[position]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F  // excludes encoded surrogates
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: throw invalidUTF8(at: position)
        }
        guard position + length <= count else { throw invalidUTF8(at: position) }
        let second = bytes[position + 1]
        guard second >= low && second <= high else { throw invalidUTF8(at: position) }
        for offset in 2..<max(length, 2) where bytes[position + offset] & 0xC0 != 0x80 {
            throw invalidUTF8(at: position)
        }
        return length
    }

    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (scalar >> 6)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (scalar >> 12)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (scalar >> 18)))
            out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    private mutating func parseUnquotedKey() -> String {
        let start = index
        while index < count && Self.isIdentifierByte(bytes[index]) { index += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    // MARK: whitespace and comments

    private mutating func skipWhitespace() throws {
        while index < count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09:
                index += 1
            case UInt8(ascii: "/") where options.contains(.allowComments) && index + 1 < count:
                if bytes[index + 1] == UInt8(ascii: "/") {
                    index += 2
                    while index < count && bytes[index] != 0x0A { index += 1 }
                } else if bytes[index + 1] == UInt8(ascii: "*") {
                    let start = index
                    index += 2
                    while index + 1 < count && !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
                        index += 1
                    }
                    guard index + 1 < count else { throw failure("Unexpected end while parsing comment.", at: start) }
                    index += 2
                } else {
                    return
                }
            default:
                return
            }
        }
    }

    // MARK: classification

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: "$"):
            true
        default: false
        }
    }

    private func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): true
        case UInt8(ascii: "/"): options.contains(.allowComments)
        default: false
        }
    }

    // MARK: errors

    private func controlCharacter(at position: Int) -> JSONParseError {
        failure("Bad control character in string literal: \(describeByte(bytes[position])).", at: position)
    }

    private func invalidUTF8(at position: Int) -> JSONParseError {
        failure("Invalid UTF-8 byte sequence: 0x\(hex(UInt32(bytes[position]), width: 2)).", at: position)
    }

    /// How JSON.NET names the offending character: itself when printable, else its code.
    private func describe(at position: Int) -> String {
        let byte = bytes[position]
        if byte >= 0x80 {
            if let length = try? validateMultiByte(at: position) {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
            }
            return "0x" + hex(UInt32(byte), width: 2)
        }
        return describeByte(byte)
    }

    private func describeByte(_ byte: UInt8) -> String {
        if byte < 0x20 || byte == 0x7F || byte >= 0x80 { return "0x" + hex(UInt32(byte), width: 2) }
        return String(UnicodeScalar(byte))
    }

    private func hex(_ value: UInt32, width: Int = 4) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `InvalidRequestContent` with "{message} Path '{path}', line {l}, position {p}." where line
    /// is 1-based and position counts the characters of that line up to and including the offending
    /// one (JSON.NET's `LinePosition`).
    private func failure(_ message: String, at position: Int) -> JSONParseError {
        var line = 1
        var column = 0
        var cursor = 0
        let end = min(position, count)
        while cursor < end {
            let byte = bytes[cursor]
            if byte == 0x0A {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            cursor += 1
        }
        if position < count { column += 1 }
        return JSONParseError(detail: "\(message) Path '\(renderedPath)', line \(line), position \(column).")
    }

    /// JSON.NET path syntax: `properties.a`, `tags[0]`, `['odd key']`.
    private var renderedPath: String {
        var result = ""
        for component in path {
            switch component {
            case .index(let index):
                result += "[\(index)]"
            case .key(let key):
                let simple =
                    !key.isEmpty
                    && key.utf8.allSatisfy { byte in
                        Self.isIdentifierByte(byte) || byte == UInt8(ascii: "-") || byte >= 0x80
                    }
                if simple {
                    result += result.isEmpty ? key : "." + key
                } else {
                    result += "['\(key)']"
                }
            }
        }
        return result
    }
}
