import Testing

@testable import JSON

@Suite struct JSONWriterTests {
    @Test func compactFormKeepsInsertionOrderAndIntegers() {
        // Given an object built in a chosen order
        var object = JSONObject()
        object["name"] = "acct1"
        object["id"] = "/subscriptions/x"
        object["capacity"] = 10
        object["ratio"] = 0.5
        object["whole"] = .double(3)
        // When serialized, then keys keep that order, integers have no fraction, doubles keep theirs
        #expect(
            JSONValue.object(object).compactString == #"{"name":"acct1","id":"/subscriptions/x","capacity":10,"ratio":0.5,"whole":3.0}"#)
    }

    @Test func escapesPerRFC8259() {
        let value: JSONValue = .string("\"\\\n\r\t\u{08}\u{0C}\u{00}\u{1F}/é😀")
        #expect(value.compactString == #""\"\\\n\r\t\b\f\u0000\u001f/é😀""#)
    }

    /// The eight-bytes-at-a-time scan finds every byte that needs escaping wherever it sits in a word,
    /// next to bytes of every value (multi-byte UTF-8 included), as the byte-by-byte rule does.
    @Test func givenEveryByteAtEveryOffset_whenWritten_thenEscapesMatchTheByteByByteRule() {
        func expected(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{08}": out += "\\b"
                case "\u{0C}": out += "\\f"
                case _ where scalar.value < 0x20: out += "\\u00" + String(scalar.value >> 4) + String(scalar.value & 0xF, radix: 16)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        let fillers = ["a", "é", "😀", "~", "\u{7F}", " "]
        for value in 0..<0x80 {
            let special = String(UnicodeScalar(UInt8(value)))
            for filler in fillers {
                for offset in 0..<17 {
                    let text = String(repeating: filler, count: offset) + special + String(repeating: filler, count: 17 - offset)
                    #expect(JSONValue.string(text).compactString == expected(text), "byte \(value) at \(offset) among \(filler)")
                }
            }
        }
    }

    @Test func givenAValue_whenAppended_thenTheBytesFollowWhatWasThere() {
        var bytes = Array("prefix:".utf8)
        let value: JSONValue = ["a": "x\"y", "b": [1, 2.5, nil]]
        value.serialize(appendingTo: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"prefix:{"a":"x\"y","b":[1,2.5,null]}"#)
    }

    @Test func extremeNumbers() {
        #expect(JSONValue.int(.min).compactString == "-9223372036854775808")
        #expect(JSONValue.int(0).compactString == "0")
        #expect(JSONValue.double(1e-7).compactString == "1e-07")
        #expect(JSONValue.double(.infinity).compactString == "null")
        #expect(JSONValue.double(.nan).compactString == "null")
    }

    @Test func prettyFormIsIndentedWithTwoSpaces() {
        let value: JSONValue = ["a": [1, 2], "b": [:], "c": []]
        #expect(value.prettyString == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}")
    }
}
