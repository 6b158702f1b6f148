import ARMCore
import Foundation
import JSON

/// String, logical and conversion functions (learn.microsoft.com "String functions for ARM templates").
extension TemplateEvaluator {
    typealias Function = @Sendable (String, [JSONValue]) throws -> JSONValue

    /// ARM's limit on a template's size (4 MB), as the bound of a string a function may build.
    static let maxPadLeftWidth = 4 * 1024 * 1024

    static let stringFunctions: [String: Function] = [
        "concat": { name, values in
            if !values.isEmpty, values.allSatisfy({ $0.arrayValue != nil }) { return .array(values.flatMap { $0.arrayValue ?? [] }) }
            return .string(values.map(\.displayText).joined())
        },
        "format": { name, values in
            try arity(name, values, 1, nil)
            return .string(try format(try string(name, values[0]), Array(values.dropFirst())))
        },
        "tolower": { name, values in
            try arity(name, values, 1, 1)
            return .string(try string(name, values[0]).lowercased())
        },
        "toupper": { name, values in
            try arity(name, values, 1, 1)
            return .string(try string(name, values[0]).uppercased())
        },
        "trim": { name, values in
            try arity(name, values, 1, 1)
            return .string(try string(name, values[0]).trimmingCharacters(in: .whitespacesAndNewlines))
        },
        "replace": { name, values in
            try arity(name, values, 3, 3)
            let (text, old, new) = (try string(name, values[0]), try string(name, values[1]), try string(name, values[2]))
            return .string(old.isEmpty ? text : text.replacingOccurrences(of: old, with: new))
        },
        "substring": { name, values in
            try arity(name, values, 2, 3)
            let text = Array(try string(name, values[0]))
            let start = try integer(name, values[1])
            let length = values.count > 2 ? try integer(name, values[2]) : text.count - start
            // Compared without `start + length`, which overflows for huge arguments (found by scripts/fuzz).
            guard start >= 0, length >= 0, start <= text.count, length <= text.count - start else {
                throw TemplateError.function(
                    name,
                    "the index and length parameters must refer to a location within the string (start \(start), length \(length), string length \(text.count))"
                )
            }
            return .string(String(text[start..<start + length]))
        },
        "split": { name, values in
            try arity(name, values, 2, 2)
            let text = try string(name, values[0])
            let delimiters = try values[1].arrayValue.map { try strings(name, $0) } ?? [try string(name, values[1])]
            var parts = [text]
            for delimiter in delimiters where !delimiter.isEmpty {
                parts = parts.flatMap { $0.components(separatedBy: delimiter) }
            }
            return .array(parts.map { .string($0) })
        },
        "startswith": { name, values in
            try arity(name, values, 2, 2)
            return .bool(try string(name, values[0]).lowercased().hasPrefix(try string(name, values[1]).lowercased()))
        },
        "endswith": { name, values in
            try arity(name, values, 2, 2)
            return .bool(try string(name, values[0]).lowercased().hasSuffix(try string(name, values[1]).lowercased()))
        },
        "indexof": { name, values in
            try arity(name, values, 2, 2)
            let (text, part) = (try string(name, values[0]).lowercased(), try string(name, values[1]).lowercased())
            guard let range = text.range(of: part) else { return -1 }
            return .int(Int64(text.distance(from: text.startIndex, to: range.lowerBound)))
        },
        "lastindexof": { name, values in
            try arity(name, values, 2, 2)
            let (text, part) = (try string(name, values[0]).lowercased(), try string(name, values[1]).lowercased())
            guard let range = text.range(of: part, options: .backwards) else { return -1 }
            return .int(Int64(text.distance(from: text.startIndex, to: range.lowerBound)))
        },
        "padleft": { name, values in
            try arity(name, values, 2, 3)
            let text = values[0].displayText
            let width = try integer(name, values[1])
            let pad = values.count > 2 ? try string(name, values[2]) : " "
            // EMULATOR CHOICE: a width past ARM's 4 MB template limit cannot be stored anyway; refusing
            // it keeps `padLeft('', 9223372036854775807)` from exhausting memory (found by scripts/fuzz).
            guard width <= maxPadLeftWidth else {
                throw TemplateError.function(name, "the total length must be at most \(maxPadLeftWidth)")
            }
            guard let padding = pad.first, text.count < width else { return .string(text) }
            return .string(String(repeating: padding, count: width - text.count) + text)
        },
        "string": { name, values in
            try arity(name, values, 1, 1)
            return .string(values[0].displayText)
        },
        "int": { name, values in
            try arity(name, values, 1, 1)
            switch values[0] {
            case .int: return values[0]
            case .double(let number): return .int(Int64(number))
            case .string(let text):
                guard let number = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                    throw TemplateError.function(name, "the value '\(text)' cannot be converted to an integer")
                }
                return .int(number)
            default: throw TemplateError.function(name, "a value of type '\(values[0].templateTypeName)' cannot be converted to an integer")
            }
        },
        "bool": { name, values in
            try arity(name, values, 1, 1)
            switch values[0] {
            case .bool: return values[0]
            case .int(let number): return .bool(number != 0)
            case .string(let text) where ["true", "false"].contains(text.lowercased()): return .bool(text.lowercased() == "true")
            default: throw TemplateError.function(name, "the value '\(values[0].displayText)' cannot be converted to a boolean")
            }
        },
        "json": { name, values in
            try arity(name, values, 1, 1)
            let text = try string(name, values[0])
            do { return try JSONParser.parse(text) } catch {
                throw TemplateError.function(name, "the argument is not valid JSON")
            }
        },
        "not": { name, values in
            try arity(name, values, 1, 1)
            guard case .bool(let flag) = values[0] else { throw TemplateError.function(name, "the argument must be a boolean") }
            return .bool(!flag)
        },
        "equals": { name, values in
            try arity(name, values, 2, 2)
            return .bool(equal(values[0], values[1]))
        },
        "true": { name, values in
            try arity(name, values, 0, 0)
            return true
        },
        "false": { name, values in
            try arity(name, values, 0, 0)
            return false
        },
        "null": { name, values in
            try arity(name, values, 0, 0)
            return .null
        },
        "base64": { name, values in
            try arity(name, values, 1, 1)
            return .string(Data(try string(name, values[0]).utf8).base64EncodedString())
        },
        "base64tostring": { name, values in
            try arity(name, values, 1, 1)
            guard let data = Data(base64Encoded: try string(name, values[0])) else {
                throw TemplateError.function(name, "the argument is not valid base64")
            }
            return .string(String(decoding: data, as: UTF8.self))
        },
        "uricomponent": { name, values in
            try arity(name, values, 1, 1)
            return .string(
                try string(name, values[0]).addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~")))
                    ?? "")
        },
        "uricomponenttostring": { name, values in
            try arity(name, values, 1, 1)
            return .string(try string(name, values[0]).removingPercentEncoding ?? "")
        },
    ]

    /// .NET composite formatting as `format()` uses it: `{index[,alignment][:format]}`, `{{`/`}}`
    /// escapes; numeric formats `D<n>`, `N<n>`, `X`/`x` are honoured, others print the value.
    static func format(_ pattern: String, _ arguments: [JSONValue]) throws -> String {
        var result = ""
        let chars = Array(pattern)
        var i = 0
        while i < chars.count {
            let char = chars[i]
            if char == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                result.append("{")
                i += 2
                continue
            }
            if char == "}", i + 1 < chars.count, chars[i + 1] == "}" {
                result.append("}")
                i += 2
                continue
            }
            guard char == "{" else {
                result.append(char)
                i += 1
                continue
            }
            guard let close = chars[i...].firstIndex(of: "}") else {
                throw TemplateError.function("format", "the format string '\(pattern)' is not valid")
            }
            let spec = String(chars[(i + 1)..<close])
            let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
            let indexText = parts.first?.split(separator: ",").first.map(String.init) ?? ""
            guard let index = Int(indexText.trimmingCharacters(in: .whitespaces)), index >= 0, index < arguments.count else {
                throw TemplateError.function("format", "the format item '{\(spec)}' refers to a missing argument")
            }
            let value = arguments[index]
            if parts.count > 1, let number = value.intValue {
                let format = parts[1]
                let digits = Int(format.dropFirst()) ?? 0
                switch format.first {
                case "D", "d": result += String(format: "%0\(digits)ld", number)
                case "X": result += String(number, radix: 16).uppercased()
                case "x": result += String(number, radix: 16)
                case "N", "n":
                    let formatter = NumberFormatter()
                    formatter.numberStyle = .decimal
                    formatter.locale = Locale(identifier: "en_US")
                    formatter.minimumFractionDigits = format.count > 1 ? digits : 2
                    formatter.maximumFractionDigits = format.count > 1 ? digits : 2
                    result += formatter.string(from: NSNumber(value: number)) ?? String(number)
                default: result += value.displayText
                }
            } else {
                result += value.displayText
            }
            i = close + 1
        }
        return result
    }
}
