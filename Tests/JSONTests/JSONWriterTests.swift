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
