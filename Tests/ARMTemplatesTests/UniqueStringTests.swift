import Testing

@testable import ARMTemplates

@Suite struct UniqueStringTests {
    /// Vectors published with independent re-implementations checked against real ARM/Bicep output.
    @Test(arguments: [
        (["hello", "world"], "a7wkljktk6wne"),
        (["tyeth"], "zcztcwvu6iyg6"),
        (["test"], "rbgf3xv4ufgzg"),
        (["abc"], "cgtzqvhu4i23s"),
        (["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg"], "bmg7c6xu4tw46"),
        (["foo", "bar", "baz"], "xzi4ioaxtmth4"),
    ])
    func knownVectors(input: [String], expected: String) {
        #expect(UniqueString.make(input) == expected)
    }

    @Test func isThirteenBase32Characters() {
        let value = UniqueString.make(["x"])
        #expect(value.count == 13)
        #expect(value.allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
    }
}
