import Testing

@testable import JSON

/// The JSON.NET-style detail the parser reports (ARM quotes it in `InvalidRequestContent`).
private func parseFailure(_ bytes: [UInt8], maxDepth: Int = 64, options: JSONParser.Options = []) -> String? {
    do {
        let value = try JSONParser.parse(bytes, maxDepth: maxDepth, options: options)
        Issue.record("expected a parse error, got \(value)")
        return nil
    } catch let error as JSONParseError {
        return error.detail
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

private func parseFailure(_ text: String, maxDepth: Int = 64, options: JSONParser.Options = []) -> String? {
    parseFailure(Array(text.utf8), maxDepth: maxDepth, options: options)
}

@Suite struct JSONParserTests {
    @Test func parsesEveryKindAndKeepsKeyOrder() throws {
        // Given a document with every JSON kind
        let text = #"{"z":1,"a":[true,false,null],"m":{"s":"x","d":1.5},"e":{},"l":[]}"#
        // When it is parsed
        let value = try JSONParser.parse(text)
        // Then values and the insertion order of keys survive
        #expect(value.objectValue?.keys == ["z", "a", "m", "e", "l"])
        #expect(value == ["z": 1, "a": [true, false, nil], "m": ["s": "x", "d": 1.5], "e": [:], "l": []])
    }

    @Test func integersFittingInt64AreIntsOthersDoubles() throws {
        #expect(try JSONParser.parse("9223372036854775807") == .int(.max))
        #expect(try JSONParser.parse("-9223372036854775808") == .int(.min))
        #expect(try JSONParser.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
        #expect(try JSONParser.parse("-0") == .int(0))
        #expect(try JSONParser.parse("10") == .int(10))
        #expect(try JSONParser.parse("1.0") == .double(1))
        #expect(try JSONParser.parse("1e2") == .double(100))
        #expect(try JSONParser.parse("-2.5E-3") == .double(-0.0025))
        #expect(try JSONParser.parse("1e-400") == .double(0))
    }

    @Test func numbersOverflowingDoubleAreRejected() {
        #expect(parseFailure("1e400")?.hasPrefix("JSON number 1e400 is too large or small for a Double.") == true)
        #expect(parseFailure(#"{"a":-1E999}"#) == "JSON number -1E999 is too large or small for a Double. Path 'a', line 1, position 6.")
    }

    @Test func nanAndInfinityAreRejected() {
        #expect(parseFailure(#"{"p":NaN}"#) == "Error parsing NaN value. Path 'p', line 1, position 6.")
        #expect(
            parseFailure(#"{"properties":{"protocol":Infinity}}"#)
                == "Error parsing Infinity value. Path 'properties.protocol', line 1, position 27.")
        #expect(parseFailure("[-Infinity]")?.hasPrefix("Error parsing Infinity value. Path '[0]'") == true)
    }

    @Test func malformedNumbersAreRejected() {
        #expect(parseFailure("01")?.hasPrefix("Input string '01' is not a valid number.") == true)
        #expect(parseFailure("[1.]")?.hasPrefix("Input string '1.' is not a valid number.") == true)
        #expect(parseFailure("-")?.hasPrefix("Input string '-' is not a valid number.") == true)
        #expect(parseFailure("1e+")?.hasPrefix("Input string '1e+' is not a valid number.") == true)
        #expect(parseFailure(".5")?.hasPrefix("Unexpected character encountered while parsing value: .") == true)
        #expect(parseFailure("12x")?.hasPrefix("Unexpected character encountered while parsing number: x.") == true)
    }

    @Test func unexpectedCharacterNamesPathLineAndPosition() {
        #expect(
            parseFailure(#"{"properties":{"a":x}}"#)
                == "Unexpected character encountered while parsing value: x. Path 'properties.a', line 1, position 20.")
        #expect(
            parseFailure("{\n  \"a\": x\n}") == "Unexpected character encountered while parsing value: x. Path 'a', line 2, position 8.")
        #expect(
            parseFailure(#"{"tags":[1,2,?]}"#)
                == "Unexpected character encountered while parsing value: ?. Path 'tags[2]', line 1, position 14.")
        #expect(
            parseFailure(#"{"odd key":x}"#)
                == "Unexpected character encountered while parsing value: x. Path '['odd key']', line 1, position 12.")
    }

    @Test func structuralErrors() {
        #expect(parseFailure("") == "Unexpected end when reading JSON. Path '', line 1, position 0.")
        #expect(parseFailure("   ") == "Unexpected end when reading JSON. Path '', line 1, position 3.")
        #expect(parseFailure(#"{"a":1"#) == "Unexpected end when reading JSON. Path 'a', line 1, position 6.")
        #expect(parseFailure(#"{"a" 1}"#)?.hasPrefix("Invalid character after parsing property name. Expected ':' but got: 1.") == true)
        #expect(parseFailure(#"{a:1}"#)?.hasPrefix("Invalid property identifier character: a.") == true)
        #expect(parseFailure(#"{"a":1 "b":2}"#)?.hasPrefix("After parsing a value an unexpected character was encountered: \".") == true)
        #expect(parseFailure("[1,]")?.hasPrefix("Unexpected character encountered while parsing value: ].") == true)
        #expect(parseFailure(#"{"a":1,}"#)?.hasPrefix("Invalid property identifier character: }.") == true)
        #expect(parseFailure(#""abc"#) == "Unterminated string. Expected delimiter: \". Path '', line 1, position 4.")
        #expect(parseFailure("tru") == "Error parsing boolean value. Path '', line 1, position 1.")
        #expect(parseFailure("[nul]")?.hasPrefix("Error parsing null value.") == true)
        #expect(parseFailure("truex")?.hasPrefix("Unexpected character encountered while parsing value: x.") == true)
    }

    @Test func trailingGarbageIsRejected() {
        #expect(parseFailure("{} x") == "Additional text encountered after finished reading JSON content: x. Path '', line 1, position 4.")
        #expect(parseFailure("[1]]")?.hasPrefix("Additional text encountered after finished reading JSON content: ].") == true)
        #expect(parseFailure("1 2")?.hasPrefix("Additional text encountered") == true)
    }

    @Test func depthLimit() throws {
        // Given 64 nested arrays, the default limit
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try JSONParser.parse(ok).arrayValue != nil)
        // When one more level is added, then the reader's MaxDepth message appears
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(parseFailure(deep)?.hasPrefix("The reader's MaxDepth of 64 has been exceeded.") == true)
        // And a custom limit applies to objects too
        #expect(
            parseFailure(#"{"a":{"b":{}}}"#, maxDepth: 2)
                == "The reader's MaxDepth of 2 has been exceeded. Path 'a.b', line 1, position 11.")
        #expect(try JSONParser.parse(#"{"a":{"b":1}}"#, maxDepth: 2)["a"]?["b"] == 1)
    }

    @Test func deepNestingDoesNotCrash() {
        let hostile = [UInt8](repeating: UInt8(ascii: "["), count: 200_000)
        #expect(parseFailure(hostile)?.hasPrefix("The reader's MaxDepth of 64 has been exceeded.") == true)
    }

    @Test func duplicateKeysAreRejected() {
        #expect(
            parseFailure(#"{"properties":{"a":1,"a":2}}"#)
                == "Can not add property a to object. Property with the same name already exists on object."
                + " Path 'properties.a', line 1, position 22."
        )
        // Keys are case-sensitive (RFC 8259), so these are two keys
        #expect((try? JSONParser.parse(#"{"a":1,"A":2}"#))?.objectValue?.count == 2)
    }

    @Test func invalidUTF8IsRejected() {
        let quote = UInt8(ascii: "\"")
        // Invalid continuation, overlong encodings, encoded surrogates, beyond U+10FFFF, truncated
        let cases: [[UInt8]] = [
            [quote, 0xC3, 0x28, quote], [quote, 0xC0, 0x80, quote], [quote, 0xE0, 0x80, 0x80, quote],
            [quote, 0xED, 0xA0, 0x80, quote], [quote, 0xF4, 0x90, 0x80, 0x80, quote], [quote, 0xFF, quote],
            [quote, 0xE2, 0x82], [quote, 0x80, quote],
        ]
        for bytes in cases {
            #expect(parseFailure(bytes)?.hasPrefix("Invalid UTF-8 byte sequence") == true, "\(bytes)")
        }
        // Outside strings non-ASCII is simply an unexpected character
        #expect(parseFailure([0xC3, 0xA9])?.hasPrefix("Unexpected character encountered while parsing value: é.") == true)
    }

    @Test func validMultiByteTextSurvives() throws {
        let text = #"{"名前":"é😀ü","k":"a\u00e9\ud83d\ude00"}"#
        let value = try JSONParser.parse(text)
        #expect(value["名前"] == "é😀ü")
        #expect(value["k"] == "aé😀")
    }

    @Test func escapes() throws {
        let value = try JSONParser.parse(#""\"\\\/\b\f\n\r\t\u0041\u00E9""#)
        #expect(value == .string("\"\\/\u{08}\u{0C}\n\r\tAé"))
        #expect(parseFailure(#""\x""#) == "Bad JSON escape sequence: \\x. Path '', line 1, position 2.")
        #expect(parseFailure(#""\u12G4""#)?.hasPrefix("Invalid Unicode escape sequence: \\u12G4.") == true)
        #expect(parseFailure(#""\u12""#)?.hasPrefix("Unexpected end while parsing Unicode escape sequence.") == true)
    }

    @Test func loneSurrogatesAreRejected() {
        #expect(parseFailure(#""\ud800""#)?.hasPrefix("Invalid Unicode escape sequence: lone surrogate \\uD800.") == true)
        #expect(parseFailure(#""\uDC00x""#)?.hasPrefix("Invalid Unicode escape sequence: lone surrogate \\uDC00.") == true)
        #expect(parseFailure(#""\ud800\u0041""#)?.hasPrefix("Invalid Unicode escape sequence: lone surrogate \\uD800.") == true)
        #expect(parseFailure(#""\ud800abc""#)?.hasPrefix("Invalid Unicode escape sequence: lone surrogate") == true)
    }

    @Test func controlCharactersInStringsAreRejected() {
        #expect(parseFailure("\"a\nb\"")?.hasPrefix("Bad control character in string literal: 0x0A.") == true)
        #expect(parseFailure("\"a\u{01}\"")?.hasPrefix("Bad control character in string literal: 0x01.") == true)
    }

    @Test func byteOrderMarkIsIgnored() throws {
        #expect(try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}".utf8)) == ["a": 1])
    }

    @Test func jsoncOptionsAcceptAzureCLITemplateBodies() throws {
        // Given what azure-cli's JsonCTemplatePolicy sends: comments and an unquoted key
        let text = """
            {"properties": {"mode": "Incremental"}, template: {
              // a comment
              "resources": [1, 2, /* block */ 3,], /* trailing */
            },}
            """
        // When parsed strictly it fails, with .jsonc it succeeds
        #expect(parseFailure(text) != nil)
        let value = try JSONParser.parse(text, options: .jsonc)
        #expect(value["template"]?["resources"] == [1, 2, 3])
        #expect(value["properties"]?["mode"] == "Incremental")
    }

    @Test func roundTripThroughWriter() throws {
        // Given a value with every kind and awkward strings
        let value: JSONValue = [
            "s": "quote\" backslash\\ newline\n tab\t ctrl\u{01} é 😀 </script>", "i": -42, "big": .int(.max),
            "d": 0.1, "e": 1e-7, "l": 1.7976931348623157e308, "n": nil, "b": false,
            "nested": ["a": [[], [:], [1, [2, [3]]]]],
        ]
        // When serialized and parsed again, it is unchanged
        let bytes = value.serialized()
        #expect(try JSONParser.parse(bytes) == value)
        // And canonical compact text survives parse + serialize byte for byte
        let text = #"{"b":[1,-2,3.5,"x",null,true],"a":{"c":"\n\u0001"}}"#
        #expect(try JSONParser.parse(text).compactString == text)
    }
}
