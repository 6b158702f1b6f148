import ARMCore
import Testing

@testable import ModelInference

@Suite struct TokenizerTests {
    static let samples = [
        "Hello, world! The quick brown fox jumps over the lazy dog.",
        "  indented\n\n\tcode = x[12345] + 67;  ",
        "naïve café — 東京タワー 🎉 123456789",
        "",
    ]

    @Test func givenText_whenSplit_thenThePiecesRebuildItAndCountIsTheirNumber() {
        for text in Self.samples {
            #expect(Tokenizer.pieces(of: text).joined() == text)
            #expect(Tokenizer.count(text) == Tokenizer.pieces(of: text).count)
        }
    }

    /// ASCII is counted on its bytes (`TokenScanner.countASCII`); the pieces come from the general
    /// scanner. Random texts over every ASCII class (spaces and other whitespace, letters, digits,
    /// punctuation, controls) must count alike both ways.
    @Test func givenASCIIText_whenCountedOnItsBytes_thenTheCountIsTheGeneralScannersPieceCount() {
        let alphabet = Array(" \t\n\r\u{0B}\u{0C}  aZqK09!\"'.,-_\u{00}\u{1F}\u{7F}~")
        var random = SplitMix64(seed: 42)
        for length in 0..<40 {
            for _ in 0..<60 {
                let text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
                #expect(Tokenizer.count(text) == Tokenizer.pieces(of: text).count, "\(Array(text.utf8))")
            }
        }
        for text in ["", " ", "  ", " a", "a ", "  a", "\n a", "1234567", " 12345", "abcdefghi", " !", "a  b", "\t\t word"] {
            #expect(Tokenizer.count(text) == Tokenizer.pieces(of: text).count, "\(Array(text.utf8))")
        }
    }

    @Test func givenEnglish_whenCounted_thenAboutOneTokenPerFourCharactersAndWordsKeepTheirSpace() {
        #expect(Tokenizer.pieces(of: "hello world") == ["hell", "o", " worl", "d"])
        #expect(Tokenizer.pieces(of: "a cat sat") == ["a", " cat", " sat"])
        #expect(Tokenizer.pieces(of: "1234567") == ["123", "456", "7"])
        #expect(Tokenizer.count("Hi!") == 2)
    }

    @Test func givenAnyPrefix_whenCounted_thenCountsNeverDecreaseAsTextGrows() {
        for text in Self.samples {
            let characters = Array(text)
            var previous = 0
            for end in 0...characters.count {
                let count = Tokenizer.count(String(characters[..<end]))
                #expect(count >= previous, "\(String(characters[..<end]))")
                previous = count
            }
        }
    }

    @Test func givenAChatRequest_whenEstimated_thenMessageOverheadAndBudgetPerChoiceAreCharged() throws {
        let one = try ChatCompletionRequest(json: ["messages": [["role": "user", "content": "Hello"]]])
        #expect(Tokenizer.promptTokens(for: one) == 3 + (3 + 1 + 2))  // priming + (framing + "user" + "Hell","o")
        #expect(Tokenizer.estimatedRateLimitTokens(for: one) == Tokenizer.promptTokens(for: one) + Tokenizer.defaultCompletionCharge)
        let three = try ChatCompletionRequest(json: ["messages": [["role": "user", "content": "Hello"]], "n": 3, "max_tokens": 100])
        #expect(Tokenizer.estimatedRateLimitTokens(for: three) == Tokenizer.promptTokens(for: three) + 300)
    }

    @Test func givenTruncation_whenLimited_thenExactlyThatManyTokensRemain() {
        let (text, cut) = Tokenizer.truncate("one two three four five", toTokens: 3)
        #expect(text == "one two thre" && cut)  // "one", " two", " thre"
        #expect(Tokenizer.truncate("one", toTokens: 3) == ("one", false))
    }
}
