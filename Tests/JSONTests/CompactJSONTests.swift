import Testing

@testable import JSON

/// A compact object reads back as the object given: same members, order, kinds and bytes.
@Suite struct CompactJSONTests {
    static func bytes(_ object: JSONObject) -> [UInt8] { object.serialized() }

    @Test func everyKindReadsBackIdentically() throws {
        // Given a body with every JSON kind, numbers as written, unicode, escapes and nesting
        let text = """
            {"id":"/subscriptions/s/resourceGroups/rg","name":"rg","nothing":null,"yes":true,"no":false,\
            "zero":0,"negative":-42,"big":9223372036854775807,"small":-9223372036854775808,"fraction":1.5,\
            "exponent":1e300,"tiny":5e-324,"negativeZero":-0.0,"huge":18446744073709551616,\
            "text":"h\\u00e9llo \\"w\\u00f6rld\\" \\\\ \\n\\t\\u0001 \\ud83d\\ude00 \\u4e2d\\u6587","empty":"",\
            "list":[1,"two",[3.25,{"four":4}],[],{}],"nested":{"a":{"b":{"c":[null,true]}}},\
            "type":"Microsoft.Resources/resourceGroups","location":"eastus","tags":{"k\\u00e9y":"v"},\
            "etag":"\\"0000-1111\\""}
            """
        let object = try #require(try JSONParser.parse(text).objectValue)
        // When it is kept compact and read back, with and without the shared strings
        let compact = CompactJSON(object, sharing: "/subscriptions/s/resourceGroups/rg", "\"0000-1111\"")
        let read = compact.object(sharing: "/subscriptions/s/resourceGroups/rg", "\"0000-1111\"")
        let plain = CompactJSON(object).object()
        // Then both serialize to the same bytes, member by member, kind by kind
        #expect(Self.bytes(read) == Self.bytes(object))
        #expect(Self.bytes(plain) == Self.bytes(object))
        #expect(JSONSharing.identical(.object(read), .object(object)))
        #expect(read.keys == object.keys)
        #expect(read["big"] == .int(Int64.max) && read["small"] == .int(Int64.min))
        #expect(read["negativeZero"]?.doubleValue?.sign == .minus)
        #expect(read["huge"] == object["huge"])
        #expect(read["text"]?.stringValue?.unicodeScalars.elementsEqual(object["text"]!.stringValue!.unicodeScalars) == true)
        // And the shared strings are a byte each, not their text
        #expect(compact.bytes.count < CompactJSON(object).bytes.count - 40)
    }

    @Test func stringsEqualToTheSharedOnesAnywhereReadBackAsThem() {
        // Given an object whose nested value and array item equal the shared strings
        let object: JSONObject = ["a": ["b": "first"], "c": ["second", "first", "third"]]
        // When it is read back
        let read = CompactJSON(object, sharing: "first", "second").object(sharing: "first", "second")
        // Then the values are the same text
        #expect(Self.bytes(read) == Self.bytes(object))
    }

    @Test func aStringRepeatingTheLastOneWrittenIsOneByte() {
        // Given systemData of a new resource (both timestamps the same), with a table string and a
        // key in between, and a later repeat of an earlier string
        let stamp = "2026-12-04T00:28:41.1234567Z"
        let object: JSONObject = [
            "systemData": ["createdAt": .string(stamp), "lastModifiedBy": "someone", "lastModifiedAt": .string(stamp)],
            "list": ["abc", "abc", "xyz", "abc", "ab", "ab"],
        ]
        // When it is kept compact
        let compact = CompactJSON(object)
        // Then it reads back as given, the second timestamp costing one byte
        #expect(Self.bytes(compact.object()) == Self.bytes(object))
        #expect(compact.bytes.count < Self.bytes(object).count - stamp.utf8.count)
    }

    @Test func aLargeObjectReadsBackWithItsOrderAndLookups() {
        // Given an object of 40 members, more than the size from which objects keep a key index
        var object = JSONObject()
        for index in (0..<40).reversed() { object["member\(index)"] = .int(Int64(index)) }
        // When it is read back
        let read = CompactJSON(object).object()
        // Then its order and every lookup are as given
        #expect(read.keys == object.keys)
        #expect((0..<40).allSatisfy { read["member\($0)"] == .int(Int64($0)) })
        #expect(read == object)
    }

    @Test func repeatedNamesAndValuesAreTableIndexes() {
        // Given a body whose member names and type are those of every resource group
        let object: JSONObject = [
            "type": "Microsoft.Resources/resourceGroups", "location": "westeurope",
            "properties": ["provisioningState": "Succeeded"],
        ]
        // When it is kept compact
        let compact = CompactJSON(object)
        // Then its names and repeated values take an index each, not their bytes
        #expect(compact.bytes.count < 20)
        #expect(Self.bytes(compact.object()) == Self.bytes(object))
    }

    @Test func aFullTableWritesStringsOut() {
        // Given a table with room for two strings
        let table = CompactJSONStrings(capacity: 2, valueKeys: ["type"])
        // When three are interned
        let indexes = table.withInterning { interning in
            [interning.key("type")?.index, interning.value("x"), interning.value("y"), interning.key("type")?.index]
        }
        // Then the third finds no room, and the ones interned keep their index
        #expect(indexes == [0, 1, nil, 0])
        #expect(table[1] == "x")
    }

    @Test func lookupsAnswerTheSameIndexWhateverTheRecentLinesHold() {
        // Given more strings than the table's 512 recent lines, short and long, sharing ends
        let table = CompactJSONStrings(capacity: 1 << 14, valueKeys: ["type"])
        let names = (0..<3000).map { index in index % 3 == 0 ? "k\(index)" : "member-name-\(index)-with-a-common-end" }
        let values = (0..<3000).map { index in index % 2 == 0 ? "v\(index)" : "eastus-\(index)-value-with-a-common-end" }
        // When each is interned, then looked up again in another order
        let first = table.withInterning { interning in
            (names.map { interning.key($0)?.index }, values.map { interning.value($0) })
        }
        let again = table.withInterning { interning in
            (
                names.reversed().map { interning.key($0)?.index }.reversed() as [Int?],
                values.reversed().map { interning.value($0) }.reversed() as [Int?]
            )
        }
        // Then every string keeps its own index, and an index names its string
        #expect(again.0 == first.0)
        #expect(again.1 == first.1)
        #expect(Set(first.0.compactMap { $0 } + first.1.compactMap { $0 }).count == 6000)
        for (name, index) in zip(names, first.0) { #expect(index.map { table[$0] } == name) }
        for (value, index) in zip(values, first.1) { #expect(index.map { table[$0] } == value) }
        // And a member name that is also a value's text is told apart by its kind
        let shared = table.withInterning { interning in
            (interning.key("type")?.index, interning.value("type"), interning.key("type")?.index)
        }
        #expect(shared.0 != nil && shared.0 == shared.2 && shared.1 != shared.0)
    }
}
