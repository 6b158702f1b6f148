import Testing

@testable import ARMCore

@Suite struct SortedKeyListTests {
    @Test func staysSortedThroughRandomInsertsAndRemovals() {
        // Given a list fed in random order, enough to split chunks many times
        var list = SortedKeyList()
        var reference = Set<String>()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5000 {
            let key = "/k/\(Int.random(in: 0..<3000, using: &generator))"
            if Bool.random(using: &generator) {
                #expect(list.insert(key) == reference.insert(key).inserted)
            } else {
                #expect(list.remove(key) == (reference.remove(key) != nil))
            }
        }
        // Then it holds exactly the reference set, in order
        #expect(list.all == reference.sorted())
        #expect(list.count == reference.count)
        for key in reference.prefix(50) { #expect(list.contains(key)) }
    }

    @Test func rangeScanIsHalfOpenAndCanBeExclusive() {
        var list = SortedKeyList()
        for key in ["a", "b", "b/1", "b/2", "b0", "c"] { list.insert(key) }
        var seen: [String] = []
        list.forEach(from: "b/", below: "b0") {
            seen.append($0)
            return true
        }
        #expect(seen == ["b/1", "b/2"])
        seen = []
        list.forEach(from: "b/1", inclusive: false, below: nil) {
            seen.append($0)
            return seen.count < 2
        }
        #expect(seen == ["b/2", "b0"])
    }
}
