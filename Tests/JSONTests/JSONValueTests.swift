import Testing

@testable import JSON

@Suite struct JSONValueTests {
    @Test func smallAndLargeObjectsBehaveAlike() {
        for size in [3, 16, 17, 200] {
            // Given an object of `size` members
            var object = JSONObject()
            for index in 0..<size { object["k\(index)"] = .int(Int64(index)) }
            #expect(object.count == size)
            // When members are replaced and removed
            object["k1"] = "replaced"
            object["k0"] = nil
            object["k\(size - 1)"] = nil
            object["new"] = true
            // Then lookups, order and count follow
            #expect(object["k1"] == "replaced", "size \(size)")
            #expect(object["k0"] == nil)
            #expect(object["new"] == true)
            #expect(object["k2"] == (size > 3 ? 2 : nil))
            #expect(object.count == size - 1)
            #expect(object.keys.first == "k1")
            #expect(object.keys.last == "new")
            #expect(object.pairs.map(\.key) == object.keys)
        }
    }

    @Test func equalityIgnoresMemberOrder() {
        let a: JSONObject = ["x": 1, "y": [2]]
        let b: JSONObject = ["y": [2], "x": 1]
        #expect(a == b)
        #expect(a != ["x": 1, "y": [3]])
        #expect(a != ["x": 1])
        #expect(a != ["x": 1, "z": [2]])
    }

    @Test func duplicateKeysAreFoundInLargeObjectsToo() {
        var members = (0..<40).map { "\"k\($0)\":\($0)" }
        members.append("\"k7\":0")
        let text = "{" + members.joined(separator: ",") + "}"
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }
}

@Suite struct JSONObjectDistinctMembersTests {
    @Test func aLargeObjectWithoutItsIndexReadsAndGrowsAlike() {
        // Given 20 distinct members kept without the key index
        let members = (0..<20).map { (key: "k\($0)", value: JSONValue.int(Int64($0))) }
        var object = JSONObject(distinctMembers: members)
        // Then lookups, order and equality are those of the same object built member by member
        var built = JSONObject()
        for member in members { built[member.key] = member.value }
        #expect(object == built)
        #expect(object["k17"] == .int(17))
        #expect(object.keys == built.keys)
        // And replacing, adding and removing members still work
        object["k3"] = "three"
        object["new"] = true
        object["k0"] = nil
        #expect(object["k3"] == "three")
        #expect(object["new"] == true)
        #expect(object["k0"] == nil)
        #expect(object.count == 20)
        #expect(object.keys.last == "new")
    }
}
