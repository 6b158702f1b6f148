import ARMCore
import Foundation
import JSON

/// When the built-in model calls a function. With `tools` given and `tool_choice` not "none", and the
/// conversation's last message from the user:
/// - `tool_choice` naming a function calls that function;
/// - otherwise the first tool whose name (as written, or with `_`/`-` read as spaces) appears in the
///   user's text, or else one of whose description words of 5+ letters (not a common word) does, is called;
/// - otherwise `tool_choice` "required" calls the first tool, and "auto" answers in text.
/// After a `tool` message the model answers in text that quotes the tool's output.
///
/// Arguments are an instance of the function's `parameters` schema; the first free-text string property
/// (no enum, const or format) holds the user's subject: the words after the last "in", "for", "about",
/// "of" or "to" in their message, or the whole message.
extension BuiltInResponder {
    static let commonWords: Set<String> = [
        "about", "which", "their", "there", "these", "those", "given", "value", "values", "should", "would", "could",
        "using", "based", "returns", "return", "function", "specified", "provided", "current", "information",
    ]

    func toolCalls(for turn: Turn, hash: StableHash) -> [ToolCall]? {
        guard !turn.tools.isEmpty, turn.toolChoice != ToolChoice.none, let last = turn.messages.last, last.role == .user else { return nil }
        guard let tool = Self.chosenTool(turn.tools, choice: turn.toolChoice, text: last.text) else { return nil }
        var random = SplitMix64(seed: hash.value)
        let arguments = Self.arguments(for: tool, userText: last.text, seed: random.next())
        return [ToolCall(id: Self.callID(&random), name: tool.name, arguments: arguments.compactString)]
    }

    static func chosenTool(_ tools: [FunctionTool], choice: ToolChoice?, text: String) -> FunctionTool? {
        if case .function(let name) = choice { return tools.first { $0.name == name } }
        let lowered = text.lowercased()
        if let named = tools.first(where: { mentions(lowered, name: $0.name) }) { return named }
        if let described = tools.first(where: { mentions(lowered, descriptionOf: $0) }) { return described }
        return choice == .required ? tools.first : nil
    }

    static func mentions(_ text: String, name: String) -> Bool {
        let lowered = name.lowercased()
        let spaced = lowered.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        return text.contains(lowered) || text.contains(spaced)
    }

    static func mentions(_ text: String, descriptionOf tool: FunctionTool) -> Bool {
        let textWords = Set(words(of: text))
        let described = words(of: tool.description ?? "").filter { $0.count >= 5 && !commonWords.contains($0) }
        return described.contains { textWords.contains($0) }
    }

    static func words(of text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    static func arguments(for tool: FunctionTool, userText: String, seed: UInt64) -> JSONValue {
        guard let schema = tool.parameters else { return .object([:]) }
        var generator = SchemaInstanceGenerator(root: schema, text: "", seed: seed)
        var arguments = generator.instance()
        if let key = freeTextProperty(of: schema), arguments[key] != nil { arguments[key] = .string(subject(of: userText)) }
        return arguments.objectValue == nil ? .object([:]) : arguments
    }

    static func freeTextProperty(of schema: JSONValue) -> String? {
        guard let properties = schema["properties"]?.objectValue else { return nil }
        return properties.keys.first { key in
            let property = properties[key] ?? .null
            return property["type"]?.stringValue == "string" && property["enum"] == nil && property["const"] == nil
                && property["format"] == nil && property["maxLength"] == nil
        }
    }

    /// "What's the weather in Paris today?" -> "Paris today".
    static func subject(of text: String) -> String {
        let tokens = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let markers: Set<String> = ["in", "for", "about", "of", "to", "at", "on"]
        let start = (tokens.lastIndex { markers.contains($0.lowercased()) }).map { $0 + 1 } ?? 0
        let phrase = tokens[min(start, tokens.count)...].joined(separator: " ")
        let trimmed = phrase.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        return trimmed.isEmpty ? summary(of: text, words: 12) : trimmed
    }

    /// `call_` and 24 letters and digits, the shape of OpenAI's tool call ids.
    static func callID(_ random: inout SplitMix64) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return "call_" + String((0..<24).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }
}
