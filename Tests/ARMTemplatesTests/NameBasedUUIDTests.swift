import Foundation
import Testing

@testable import ARMTemplates

@Suite struct NameBasedUUIDTests {
    /// Expected values are uuid5(UUID('11fb06fb-712d-4ddd-98c7-e71bbd588830'), '-'.join(args)).
    @Test(arguments: [
        (["a", "b"], "2d796349-8c7e-55ec-9624-54ece82ed031"),
        (["hello"], "520f8434-fe3a-5d99-888d-450a827486a1"),
        (["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1", "reader"], "0a0ddf7d-5da9-564f-bcc3-017126280643"),
    ])
    func knownVectors(input: [String], expected: String) {
        #expect(NameBasedUUID.make(input) == expected)
    }

    @Test func sha1MatchesFIPSVector() {
        let hex = SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(hex == "a9993e364706816aba3e25717850c26c9cd0d89d")
    }
}
