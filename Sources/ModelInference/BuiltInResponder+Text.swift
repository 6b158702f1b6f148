import Foundation

/// The built-in model's words: an opening that says it is the emulator and quotes a summary of the
/// last user message, and a closing sentence. Choice `i` uses combination `(hash + i) mod 32` of the
/// 4 openings and 8 closings, so the `n` choices of one request differ (past 32 a counter is appended).
extension BuiltInResponder {
    static let openings = [
        "This is the Foundry emulator's built-in model answering your message: \"%@\".",
        "The Foundry emulator's built-in model received your message: \"%@\".",
        "Reply from the Foundry emulator's built-in model to your message: \"%@\".",
        "You are talking to the Foundry emulator's built-in model; your message was: \"%@\".",
    ]
    static let closings = [
        "It returns deterministic placeholder text, not a real model's reasoning.",
        "Its answers are deterministic: the same request gets the same reply.",
        "No model weights run here, so treat this reply as a stand-in.",
        "Point the deployment at a real backend to get a real model's answer.",
        "It echoes a summary of the conversation so that client code can be tested end to end.",
        "Token counts are estimates of roughly four characters per token.",
        "This reply was generated locally, without any network call.",
        "The conversation so far has %@ message(s).",
    ]

    static func answerText(for messages: [ChatMessage], variant: UInt64, index: Int) -> String {
        let combinations = openings.count * closings.count
        let combination = Int((variant % UInt64(combinations) + UInt64(index)) % UInt64(combinations))
        let closing = filled(closings[combination / openings.count], with: String(messages.count))
        var text: String
        if let last = messages.last, last.role == .tool {
            text = toolResultOpening(last, in: messages)
        } else {
            let quoted = summary(of: lastUserText(messages), words: 24)
            text = filled(openings[combination % openings.count], with: quoted)
        }
        text += " " + closing
        if index >= combinations { text += " (\(index + 1))" }
        return text
    }

    /// `template` with its first `%@` replaced by `value`. Not Foundation's `replacingOccurrences`,
    /// which bridges through NSString and showed in a profile of chat completions.
    static func filled(_ template: String, with value: String) -> String {
        let bytes = template.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == UInt8(ascii: "%"), next != bytes.endIndex, bytes[next] == UInt8(ascii: "@") {
                return String(template[..<index]) + value + String(template[bytes.index(after: next)...])
            }
            index = next
        }
        return template
    }

    /// After a tool message: a final answer that uses the tool's output.
    static func toolResultOpening(_ message: ChatMessage, in messages: [ChatMessage]) -> String {
        let call = messages.lazy.flatMap(\.toolCalls).first { $0.id == message.toolCallID }
        let name = call?.name ?? "tool"
        return "The Foundry emulator's built-in model called \(name), which returned: \"\(summary(of: message.text, words: 40))\"."
    }

    /// The last user message's text (else the last message's), for quoting.
    static func lastUserText(_ messages: [ChatMessage]) -> String {
        (messages.last { $0.role == .user } ?? messages.last)?.text ?? ""
    }

    /// The first `words` words, whitespace collapsed; "…" marks a cut.
    static func summary(of text: String, words: Int) -> String {
        if let ascii = asciiSummary(of: text, words: words) { return ascii }
        let all = text.split(whereSeparator: \.isWhitespace)
        if all.isEmpty { return "(no text)" }
        let kept = all.prefix(words).joined(separator: " ")
        return all.count > words ? kept + "…" : kept
    }

    /// `summary` of an all-ASCII text on its bytes (nil otherwise): the same words, since in ASCII
    /// `Character.isWhitespace` is exactly U+0009...U+000D and U+0020. Splitting `Character`s showed
    /// in a profile of chat completions (`scripts/benchmark-dataplane`).
    static func asciiSummary(of text: String, words: Int) -> String? {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            var kept: [UInt8] = []
            kept.reserveCapacity(min(utf8.count, 256))
            var found = 0
            var inWord = false
            for byte in utf8 {
                guard byte < 0x80 else { return nil }
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    inWord = false
                    continue
                }
                if !inWord {
                    inWord = true
                    found += 1
                    if found <= words && found > 1 { kept.append(0x20) }
                }
                if found <= words { kept.append(byte) }
            }
            if found == 0 { return "(no text)" }
            let summary = String(decoding: kept, as: UTF8.self)
            return found > words ? summary + "…" : summary
        }
    }
}
