import Foundation
import Testing

@testable import CognitiveServicesProvider

@Suite("CognitiveServices account keys")
struct AccountKeyTests {
    /// The `SEC101/200 CommonAnnotatedSecurityKey` pattern of microsoft/security-utilities (the one
    /// the Azure CLI's secret masker ships), with the Cognitive Services signature `ACOG`.
    static let pattern = #"^[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}ACOG[A-Za-z0-9]{4}$"#

    @Test func aKeyIs84CharactersInTheCommonAnnotatedLayout() throws {
        let date = try #require(ISO8601DateFormatter().date(from: "2026-12-03T10:00:00Z"))
        let key = AccountKey.generate(at: date)
        #expect(key.count == 84)
        #expect(key.range(of: Self.pattern, options: .regularExpression) != nil, "\(key)")
        // Year 2026 is 'C' (A = 2024), December is 'L'.
        #expect(Array(key)[58] == "C" && Array(key)[59] == "L")
        #expect(AccountKey.generate(at: date) != key)
    }

    @Test func listAndRegenerateHandOut84CharacterKeys() async throws {
        let world = try CognitiveServicesTestWorld()
        try await world.createGroup()
        try await world.createAccount("keys1")
        let keys = try await world.client.send("POST", world.account("keys1") + "/listKeys")
        let key1 = try #require(keys.json?["key1"]?.stringValue)
        #expect(key1.range(of: Self.pattern, options: .regularExpression) != nil)
        let regenerated = try await world.client.send("POST", world.account("keys1") + "/regenerateKey", body: #"{"keyName":"Key2"}"#)
        let key2 = try #require(regenerated.json?["key2"]?.stringValue)
        #expect(key2.range(of: Self.pattern, options: .regularExpression) != nil)
        #expect(key2 != keys.json?["key2"]?.stringValue)
    }
}
