import Testing

@testable import ARMCore

@Suite struct GUIDTests {
    @Test func version4LowerCaseAndUnique() {
        var seen = Set<String>()
        for _ in 0..<1000 {
            let guid = newGUID()
            #expect(ResourceID.isGUID(guid))
            #expect(guid == guid.lowercased())
            let characters = Array(guid)
            #expect(characters[14] == "4")
            #expect("89ab".contains(characters[19]))
            seen.insert(guid)
        }
        #expect(seen.count == 1000)
    }
}
