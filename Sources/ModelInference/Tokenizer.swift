/// The one token estimate used for usage, truncation, logprobs and rate limiting. No BPE vocabulary is
/// available offline, so text is cut the way cl100k/o200k's pre-tokenizer splits it (OpenAI tiktoken,
/// `cl100k_base` pattern) and each piece is then sized the way their merges average out on English:
///
/// - a run of letters, with at most one leading space attached (" word"), is one token per 4 letters
///   (rounded up): OpenAI's rule of thumb "1 token ≈ 4 characters of English" (OpenAI Help Center,
///   "What are tokens and how to count them?");
/// - a run of digits is one token per 3 digits (cl100k splits numbers into groups of at most three);
/// - every other visible character (punctuation, symbols, emoji) and every CJK ideograph or kana is a
///   token of its own;
/// - whitespace before a word travels with it; other whitespace runs (newlines, indentation, trailing
///   spaces) are one token each.
///
/// The estimate is deterministic and monotonic: appending text never lowers the count.
package enum Tokenizer {
    /// The pieces of `text`; their concatenation is `text` and their number is the token count.
    package static func pieces(of text: String) -> [String] {
        withScalars(of: text) { scalars in
            var scanner = TokenScanner(scalars)
            return scanner.pieces()
        }
    }

    package static func count(_ text: String) -> Int {
        var text = text
        if let ascii = text.withUTF8({ utf8 in utf8.allSatisfy { $0 < 0x80 } ? TokenScanner.countASCII(utf8) : nil }) { return ascii }
        return withScalars(of: text) { scalars in
            var scanner = TokenScanner(scalars, collecting: false)
            return scanner.count()
        }
    }

    /// The first `limit` tokens of `text`, and whether anything was cut.
    package static func truncate(_ text: String, toTokens limit: Int) -> (text: String, truncated: Bool) {
        let cut = truncateCounting(text, toTokens: limit)
        return (cut.text, cut.truncated)
    }

    /// `truncate`, and the token count of the text when it was not cut (nil when it was), so that a
    /// caller that needs both does not count twice.
    static func truncateCounting(_ text: String, toTokens limit: Int) -> (text: String, truncated: Bool, tokens: Int?) {
        // Counting first: most answers fit, and counting builds no strings.
        let tokens = count(text)
        guard tokens > limit else { return (text, false, tokens) }
        let all = pieces(of: text)
        guard all.count > limit else { return (text, false, tokens) }
        return (all.prefix(max(0, limit)).joined(), true, nil)
    }

    /// The text's scalars; ASCII (most prompts and every built-in answer) straight from its bytes
    /// without decoding, into a temporary buffer (on the stack when small: an array per count showed
    /// in a profile of chat completions, which count every message and the answer).
    static func withScalars<Result>(of text: String, _ body: (UnsafeBufferPointer<Unicode.Scalar>) -> Result) -> Result {
        var text = text
        let ascii = text.withUTF8 { utf8 -> Result? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: utf8.count) { buffer in
                for (offset, byte) in utf8.enumerated() { buffer.initializeElement(at: offset, to: Unicode.Scalar(byte)) }
                return body(UnsafeBufferPointer(buffer))
            }
        }
        if let ascii { return ascii }
        return Array(text.unicodeScalars).withUnsafeBufferPointer(body)
    }
}
