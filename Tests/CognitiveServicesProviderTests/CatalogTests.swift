import ARMCore
import Testing

@testable import CognitiveServicesProvider

@Suite("CognitiveServices model catalog")
struct CatalogTests {
    typealias World = CognitiveServicesTestWorld

    @Test func embeddedCatalogHasTheIssueModels() {
        let catalog = ModelCatalog.embedded
        for name in ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "o3-mini", "text-embedding-3-small", "text-embedding-3-large"] {
            #expect(catalog.model(format: "OpenAI", name: name, version: nil, kind: "OpenAI", region: "eastus") != nil, "\(name)")
        }
        #expect(catalog.model(format: "DeepSeek", name: "DeepSeek-R1", version: nil, kind: "AIServices", region: "eastus") != nil)
        #expect(catalog.model(format: "DeepSeek", name: "DeepSeek-R1", version: nil, kind: "OpenAI", region: "eastus") == nil)
        // Every SKU names a usage with a default limit.
        for model in catalog.models { for sku in model.skus { #expect(catalog.usage(named: sku.usageName) != nil, "\(sku.usageName)") } }
        // Exactly one default version per model name.
        for name in Set(catalog.models.map(\.name)) {
            #expect(catalog.models.filter { $0.name == name && $0.isDefaultVersion }.count == 1, "\(name)")
        }
    }

    @Test func accountAndLocationModelsPageOneEntryPerVersion() async throws {
        let world = try World()
        try await world.createGroup()
        try await world.createAccount("a1", kind: "OpenAI")
        let models = try await world.send("GET", world.account("a1") + "/models")
        let entries = try #require(models.json?["value"]?.arrayValue)
        #expect(entries.filter { $0["name"]?.stringValue == "gpt-4o" }.count == 3)
        #expect(!entries.contains { $0["format"]?.stringValue == "DeepSeek" })
        let first = try #require(entries.first { $0["name"]?.stringValue == "gpt-4o" && $0["isDefaultVersion"]?.boolValue == true })
        #expect(first["skus"]?[0]?["usageName"]?.stringValue?.hasPrefix("OpenAI.") == true)

        let location = try await world.send("GET", World.provider + "/locations/eastus/models?$top=5")
        #expect(location.json?["value"]?.arrayValue?.count == 5)
        #expect(location.json?["nextLink"] != nil)
        #expect(location.json?["value"]?[0]?["kind"] != nil && location.json?["value"]?[0]?["model"]?["name"] != nil)
        let nowhere = try await world.send("GET", World.provider + "/locations/brazilsouth/models")
        #expect(nowhere.json?["value"] == [])
    }

    @Test func subscriptionSkusAndSkuAvailability() async throws {
        let world = try World()
        let skus = try await world.send("GET", World.provider + "/skus")
        let kinds = Set(skus.json?["value"]?.arrayValue?.compactMap { $0["kind"]?.stringValue } ?? [])
        #expect(kinds.isSuperset(of: ["AIServices", "OpenAI", "CognitiveServices", "ContentSafety", "SpeechServices"]))
        let check = try await world.send(
            "POST", World.provider + "/locations/eastus/checkSkuAvailability",
            body: #"{"skus":["S0","F0"],"kind":"OpenAI","type":"Microsoft.CognitiveServices/accounts"}"#)
        #expect(check.json?["value"]?[0]?["skuAvailable"]?.boolValue == true)
        #expect(check.json?["value"]?[1]?["skuAvailable"]?.boolValue == false)
        let missing = try await world.send("POST", World.provider + "/locations/eastus/checkSkuAvailability", body: #"{"kind":"OpenAI"}"#)
        #expect(missing.status == 400)
        let badFilter = try await world.send("GET", World.provider + "/locations/eastus/usages?$filter=foo")
        #expect(badFilter.status == 400)
        let unimplemented = try await world.send("GET", World.provider + "/modelCapacities")
        #expect(unimplemented.status == 501)
    }
}
