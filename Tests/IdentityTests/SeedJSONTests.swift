import ARMCore
import Foundation
import JSON
import Testing

@testable import Identity

@Suite struct SeedJSONTests {
    @Test func decodesEveryKindOfValue() throws {
        let json = #"{"s":"x","i":42,"d":1.5,"b":true,"n":null,"a":[1,"two"],"o":{"k":"v"}}"#
        let value = try JSONDecoder().decode(SeedJSON.self, from: Data(json.utf8)).value
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object["s"] == .string("x"))
        #expect(object["i"] == .int(42))
        #expect(object["d"] == .double(1.5))
        #expect(object["b"] == .bool(true))
        #expect(object["n"] == .null)
        #expect(object["a"] == .array([.int(1), .string("two")]))
        #expect(object["o"] == .object(JSONObject([("k", .string("v"))])))
    }
}
