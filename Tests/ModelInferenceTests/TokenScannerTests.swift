import Testing

@testable import ModelInference

/// The scanner's ASCII fast paths must classify exactly as the Unicode properties they stand in
/// for, and counting must agree with the pieces it does not build.
@Suite struct TokenScannerTests {
    @Test func asciiIsClassifiedAsTheUnicodePropertiesClassifyIt() throws {
        for value in UInt32(0)...0x7F {
            let scalar = try #require(Unicode.Scalar(value))
            #expect(TokenScanner.isSpaceScalar(scalar) == scalar.properties.isWhitespace, "U+\(value)")
            #expect(TokenScanner.isLetter(scalar) == scalar.properties.isAlphabetic, "U+\(value)")
            #expect(TokenScanner.isNumeric(scalar) == (scalar.properties.numericType != nil), "U+\(value)")
            #expect(TokenScanner.isIdeographScalar(scalar) == scalar.properties.isIdeographic, "U+\(value)")
        }
    }

    @Test func countingAgreesWithThePieces() {
        let texts = [
            "", " ", "Hello, world! 12345 and 6789.", "  indented\n\n\tlines  ", "naïve café 東京タワー 한국어 😀👍🏽",
            "x\u{0085}y\u{00A0}z\u{2028}", "Ⅻ ½ ٣٤٥ 1,000,000", String(repeating: "word ", count: 500),
        ]
        for text in texts {
            #expect(Tokenizer.count(text) == Tokenizer.pieces(of: text).count, "\(text.prefix(40))")
            #expect(Tokenizer.pieces(of: text).joined() == text)
        }
    }

    @Test func truncationStillCutsAtTheLimit() {
        let text = "one two six ten red big"
        #expect(Tokenizer.truncate(text, toTokens: 100) == (text, false))
        let cut = Tokenizer.truncate(text, toTokens: 3)
        #expect(cut.truncated && cut.text == "one two six")
        #expect(Tokenizer.count(cut.text) == 3)
    }
}
