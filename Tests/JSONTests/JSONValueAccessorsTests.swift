import Testing

@testable import JSON

@Suite struct JSONValueAccessorsTests {
    @Test func typedViewsAnswerNilForOtherKinds() {
        let value: JSONValue = ["s": "x", "i": 3, "d": 2.0, "f": 2.5, "b": true, "o": ["k": 1], "a": [1], "n": nil]
        #expect(value["s"]?.stringValue == "x")
        #expect(value["i"]?.intValue == 3)
        #expect(value["d"]?.intValue == 2)
        #expect(value["f"]?.intValue == nil)
        #expect(value["f"]?.doubleValue == 2.5)
        #expect(value["b"]?.boolValue == true)
        #expect(value["o"]?.objectValue?["k"] == 1)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["a"]?[0] == 1)
        #expect(value["a"]?[1] == nil)
        #expect(value["n"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["s"]?.intValue == nil)
        #expect(JSONValue.string("x")["k"] == nil)
    }

    @Test func settingThroughSubscriptAddsAndRemoves() {
        var value: JSONValue = ["a": 1]
        value["b"] = ["c": true]
        value["a"] = nil
        #expect(value == ["b": ["c": true]])
        #expect(value.objectValue?.keys == ["b"])
    }

    @Test func caseInsensitiveLookupPrefersExactMatch() {
        let object: JSONObject = ["Location": "eastus", "location": "westus", "TAGS": [:]]
        #expect(object.value(forKeyIgnoringCase: "location") == "westus")
        #expect(object.value(forKeyIgnoringCase: "tags") == [:])
        #expect(object.value(forKeyIgnoringCase: "sku") == nil)
    }

    @Test func kindNames() {
        #expect(JSONValue.array([]).kindName == "Array")
        #expect(JSONValue.int(1).kindName == "Integer")
    }
}
