import ARMCore
import JSON

/// `prompt` (legacy completions) and `input` (embeddings): a string, an array of strings, an array of
/// token ids, or an array of token-id arrays (OpenAI API reference, both endpoints).
extension BodyReader {
    func promptInputs(_ key: String, allowEmpty: Bool) throws(InferenceError) -> [PromptInput]? {
        guard let value = value(key) else { return nil }
        if let text = value.stringValue {
            if !allowEmpty && text.isEmpty { throw .invalidInput(name(key)) }
            return [.text(text)]
        }
        guard let items = value.arrayValue else {
            throw .invalidType(name(key), expected: "a string or an array", got: value)
        }
        if items.isEmpty { throw .invalidInput(name(key)) }
        if items.allSatisfy({ $0.intValue != nil }) { return [.tokens(items.compactMap(\.intValue))] }
        var inputs: [PromptInput] = []
        for (offset, item) in items.enumerated() {
            inputs.append(try promptInput(item, param: "\(name(key))[\(offset)]", allowEmpty: allowEmpty))
        }
        return inputs
    }

    private func promptInput(_ item: JSONValue, param: String, allowEmpty: Bool) throws(InferenceError) -> PromptInput {
        if let text = item.stringValue {
            if !allowEmpty && text.isEmpty { throw .invalidInput(param) }
            return .text(text)
        }
        if let tokens = item.arrayValue, !tokens.isEmpty, tokens.allSatisfy({ $0.intValue != nil }) {
            return .tokens(tokens.compactMap(\.intValue))
        }
        throw .invalidType(param, expected: "a string or an array of integers", got: item)
    }
}
