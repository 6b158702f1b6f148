import Testing

@testable import JSON

@Suite struct JSONObjectMergePatchTests {
    @Test func rfc7396Examples() {
        // Given the test cases of RFC 7396 Appendix A
        let cases: [(JSONValue, JSONValue, JSONValue)] = [
            (["a": "b"], ["a": "c"], ["a": "c"]),
            (["a": "b"], ["b": "c"], ["a": "b", "b": "c"]),
            (["a": "b"], ["a": nil], [:]),
            (["a": "b", "b": "c"], ["a": nil], ["b": "c"]),
            (["a": ["b"]], ["a": "c"], ["a": "c"]),
            (["a": "c"], ["a": ["b"]], ["a": ["b"]]),
            (["a": ["b": "c"]], ["a": ["b": "d", "c": nil]], ["a": ["b": "d"]]),
            (["a": [["b": "c"]]], ["a": [1]], ["a": [1]]),
            (["e": nil], ["a": 1], ["e": nil, "a": 1]),
            ([1, 2], ["a": "b", "c": nil], ["a": "b"]),
            ([:], ["a": ["bb": ["ccc": nil]]], ["a": ["bb": [:]]]),
            (["a": "foo"], nil, nil),
            (["a": "foo"], "bar", "bar"),
        ]
        for (target, patch, expected) in cases {
            // When the patch is applied, then the result is the RFC's
            #expect(target.mergingPatch(patch) == expected, "\(target) + \(patch)")
        }
    }

    @Test func inPlacePatchKeepsUntouchedKeysInOrder() {
        var body: JSONObject = ["location": "eastus", "properties": ["a": 1, "b": 2], "tags": ["x": "1"]]
        body.mergePatch(["properties": ["b": nil, "c": 3]])
        #expect(body.keys == ["location", "properties", "tags"])
        #expect(body["properties"] == ["a": 1, "c": 3])
    }
}
