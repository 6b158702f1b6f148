import Testing

@testable import JSON

@Suite struct JSONValueLiteralsTests {
    @Test func literalsBuildTheMatchingCases() {
        let value: JSONValue = ["s": "x", "i": 1, "d": 1.5, "b": true, "n": nil, "a": [1, "two"], "o": ["k": [:]]]
        #expect(value["s"] == .string("x"))
        #expect(value["i"] == .int(1))
        #expect(value["d"] == .double(1.5))
        #expect(value["b"] == .bool(true))
        #expect(value["n"] == .null)
        #expect(value["a"] == .array([.int(1), .string("two")]))
        #expect(value["o"] == .object(JSONObject([("k", .object(JSONObject()))])))
    }

    @Test func nilAssignmentOnAnObjectRemovesTheKey() {
        // `object[key] = nil` must mean removal (Optional.none), not a JSON null
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = nil
        #expect(object.keys == ["b"])
        object["c"] = .null
        #expect(object["c"] == .null)
    }
}
