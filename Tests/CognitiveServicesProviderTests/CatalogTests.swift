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
        // Publishers beyond OpenAI, as a real region lists them.
        let formats = Set(catalog.models.map(\.format))
        #expect(formats.isSuperset(of: ["OpenAI", "Meta", "Mistral AI", "Microsoft", "DeepSeek", "Cohere", "xAI", "AI21 Labs", "Core42"]))
        // Hundreds of entries: one per version and kind, as `model list -l` counts them.
        #expect(catalog.models.reduce(0) { $0 + $1.kinds.count } >= 290)
        // At most one default version per model name (partner models list none).
        for name in Set(catalog.models.map(\.name)) {
            #expect(catalog.models.filter { $0.name == name && $0.isDefaultVersion }.count <= 1, "\(name)")
        }
    }

    /// The loader's contract over the whole embedded file: every entry parses, every SKU's range and
    /// rate limits are coherent, every usage name has a quota, every region is one the emulator knows.
    @Test func everyEmbeddedEntryIsConsistent() throws {
        let catalog = try ModelCatalog(json: PackageResources.ModelCatalog_json)
        #expect(catalog.models.count == ModelCatalog.embedded.models.count)
        #expect(catalog.models.count >= 140)
        #expect(catalog.asOf == "2025-05-25T00:00:00Z")
        let known = Set(AzureRegion.all.map(\.name))
        #expect(catalog.regions.count >= 20)
        #expect(catalog.regions.allSatisfy { known.contains($0) })
        // The start-time shortcut reads the same regions as the full parse.
        #expect(ModelCatalog.embeddedRegions == catalog.regions)
        for model in catalog.models {
            let label = "\(model.format)/\(model.name)/\(model.version)"
            #expect(!model.kinds.isEmpty, "\(label)")
            #expect(
                ["GenerallyAvailable", "Stable", "Preview", "Deprecating", "Deprecated"].contains(model.lifecycleStatus), "\(label)")
            for sku in model.skus {
                let capacity = sku.capacity
                #expect(capacity.lowest >= 1 && capacity.lowest <= capacity.maximum, "\(label) \(sku.name)")
                #expect(
                    capacity.effectiveDefault >= capacity.lowest && capacity.effectiveDefault <= capacity.maximum, "\(label) \(sku.name)")
                if let step = capacity.step { #expect(step >= 1 && capacity.lowest % step == 0, "\(label) \(sku.name)") }
                for rule in sku.rateLimits {
                    #expect(["request", "token"].contains(rule.key), "\(label) \(sku.name)")
                    #expect([10, 60].contains(rule.renewalPeriod) && rule.count > 0, "\(label) \(sku.name)")
                }
                #expect(Set(sku.rateLimits.map(\.key)).count == sku.rateLimits.count, "\(label) \(sku.name): one rule per key")
                #expect(catalog.usage(named: sku.usageName) != nil, "\(label) \(sku.usageName)")
                #expect(!sku.regions.isEmpty && sku.regions.isSubset(of: Set(catalog.regions)), "\(label) \(sku.name)")
            }
        }
        // Quota limits are the recorded ones, separate from the ranges: Standard gpt-4o allows
        // 1,000,000 units, the default quota is 50.
        #expect(catalog.usage(named: "OpenAI.Standard.gpt-4o")?.limit == 50)
        let gpt4o = try #require(catalog.model(format: "OpenAI", name: "gpt-4o", version: "2024-11-20", kind: "OpenAI", region: "eastus"))
        #expect(gpt4o.skus.first { $0.name == "Standard" }?.capacity.maximum == 1_000_000)
    }

    @Test func regionsListDifferentModels() {
        let catalog = ModelCatalog.embedded
        let eastus = catalog.models(kind: "OpenAI", region: "eastus")
        let southeastAsia = catalog.models(kind: "OpenAI", region: "southeastasia")
        #expect(eastus.count > southeastAsia.count)
        func skus(_ models: [ModelCatalog.Model], _ name: String) -> Set<String> {
            Set(models.filter { $0.name == name }.flatMap { $0.skus.map(\.name) })
        }
        #expect(skus(eastus, "o3-mini").contains("GlobalStandard"))
        #expect(!skus(southeastAsia, "o3-mini").contains("GlobalStandard"))
        #expect(catalog.models(kind: "OpenAI", region: "westus2").isEmpty)
    }

    @Test func malformedEntriesAreErrorsThatNameThem() {
        let bad =
            #"{"regions":["eastus"],"regionSets":[["eastus"]],"models":[{"format":"OpenAI","name":"m","version":"1","#
            + #""lifecycleStatus":"Stable","skus":[{"name":"Standard","usageName":"u","capacity":{},"regions":0}]}]}"#
        #expect(throws: ModelCatalogError.self) { try ModelCatalog(json: Array(bad.utf8)) }
        do {
            _ = try ModelCatalog(json: Array(bad.utf8))
        } catch {
            #expect("\(error)" == "models[0].skus[0].capacity.maximum: expected an integer")
        }
        let badSet = bad.replacingOccurrences(of: #""capacity":{}"#, with: #""capacity":{"maximum":1}"#)
            .replacingOccurrences(of: #""regions":0"#, with: #""regions":3"#)
        #expect(throws: ModelCatalogError.self) { try ModelCatalog(json: Array(badSet.utf8)) }
    }

    @Test func accountAndLocationModelsPageOneEntryPerVersion() async throws {
        let world = try World()
        try await world.createGroup()
        try await world.createAccount("a1", kind: "OpenAI")
        let models = try await world.client.send("GET", world.account("a1") + "/models")
        let entries = try #require(models.json?["value"]?.arrayValue)
        #expect(entries.filter { $0["name"]?.stringValue == "gpt-4o" }.count == 3)
        #expect(entries.count > 40)
        #expect(!entries.contains { $0["format"]?.stringValue == "DeepSeek" })
        let first = try #require(entries.first { $0["name"]?.stringValue == "gpt-4o" && $0["isDefaultVersion"]?.boolValue == true })
        #expect(first["skus"]?[0]?["usageName"]?.stringValue?.hasPrefix("OpenAI.") == true)

        let location = try await world.client.send("GET", World.provider + "/locations/eastus/models?$top=5")
        #expect(location.json?["value"]?.arrayValue?.count == 5)
        #expect(location.json?["nextLink"] != nil)
        #expect(location.json?["value"]?[0]?["kind"] != nil && location.json?["value"]?[0]?["model"]?["name"] != nil)
        // A region the catalog does not list (no Learn table names West US 2) lists no models.
        let nowhere = try await world.client.send("GET", World.provider + "/locations/westus2/models")
        #expect(nowhere.json?["value"] == [])
        // The location list has one entry per kind that lists a version, MaaS included.
        let all = try await world.client.send("GET", World.provider + "/locations/eastus/models?$top=1000")
        let kinds = Set(all.json?["value"]?.arrayValue?.compactMap { $0["kind"]?.stringValue } ?? [])
        #expect(kinds == ["OpenAI", "AIServices", "MaaS"])
    }

    @Test func subscriptionSkusAndSkuAvailability() async throws {
        let world = try World()
        let skus = try await world.client.send("GET", World.provider + "/skus")
        let kinds = Set(skus.json?["value"]?.arrayValue?.compactMap { $0["kind"]?.stringValue } ?? [])
        #expect(kinds.isSuperset(of: ["AIServices", "OpenAI", "CognitiveServices", "ContentSafety", "SpeechServices"]))
        let check = try await world.client.send(
            "POST", World.provider + "/locations/eastus/checkSkuAvailability",
            body: #"{"skus":["S0","F0"],"kind":"OpenAI","type":"Microsoft.CognitiveServices/accounts"}"#)
        #expect(check.json?["value"]?[0]?["skuAvailable"]?.boolValue == true)
        #expect(check.json?["value"]?[1]?["skuAvailable"]?.boolValue == false)
        let missing = try await world.client.send(
            "POST", World.provider + "/locations/eastus/checkSkuAvailability", body: #"{"kind":"OpenAI"}"#)
        #expect(missing.status == 400)
        let badFilter = try await world.client.send("GET", World.provider + "/locations/eastus/usages?$filter=foo")
        #expect(badFilter.status == 400)
        let unimplemented = try await world.client.send("GET", World.provider + "/modelCapacities")
        #expect(unimplemented.status == 501)
    }
}
