import ARMCore
import Testing

@testable import CognitiveServicesProvider

/// The catalog says what a SKU allows; the quota says what the subscription has left; the
/// lifecycle says whether a version takes new deployments (docs/accounts-and-deployments.md).
@Suite("CognitiveServices catalog ranges, quota and model lifecycle")
struct QuotaAndLifecycleTests {
    typealias World = CognitiveServicesTestWorld

    func world(catalog: ModelCatalog = .embedded) async throws -> World {
        let world = try World(catalog: catalog)
        try await world.createGroup()
        try await world.createAccount("a1", kind: "OpenAI")
        return world
    }

    @Test func givenCapacityInsideTheRangeButAboveTheFreeQuota_whenDeployed_thenInsufficientQuotaNotARangeError() async throws {
        let world = try await world()
        // GlobalStandard gpt-4o: the catalog allows up to 1,000,000 units; the recorded default quota is 50.
        let over = try await world.deploy("a1", "big", version: "2024-11-20", sku: "GlobalStandard", capacity: 1000)
        #expect(over.status == 400)
        #expect(over.code == "InsufficientQuota")
        #expect(
            over.message
                == "This operation require 1000 new capacity in quota Tokens Per Minute (thousands) - gpt-4o - GlobalStandard, which is "
                + "bigger than the current available capacity 50. The current quota usage is 0 and the quota limit is 50 for quota "
                + "Tokens Per Minute (thousands) - gpt-4o - GlobalStandard.")
        let outside = try await world.deploy("a1", "big", version: "2024-11-20", sku: "GlobalStandard", capacity: 1_000_001)
        #expect(outside.code == "InvalidCapacity")
        #expect(
            outside.message == "The specified capacity '1000001' of account deployment should be at least 1 and no more than 1000000.")
        // Nothing was written by either failure; the quota is whole.
        #expect(try await world.deploy("a1", "big", version: "2024-11-20", sku: "GlobalStandard", capacity: 50).status == 201)
        #expect(try await world.deploy("a1", "more", version: "2024-11-20", sku: "GlobalStandard", capacity: 1).code == "InsufficientQuota")
    }

    @Test func givenAProvisionedSku_whenCapacityMissesTheStepOrTheQuota_thenTheMatchingError() async throws {
        let world = try await world()
        // ProvisionedManaged gpt-4o: minimum 50, step 50, maximum 30,000; the recorded PTU quota is 0.
        let below = try await world.deploy("a1", "ptu", version: "2024-11-20", sku: "ProvisionedManaged", capacity: 25)
        #expect(below.code == "InvalidCapacity")
        #expect(below.message == "The specified capacity '25' of account deployment should be at least 50 and no more than 30000.")
        let offStep = try await world.deploy("a1", "ptu", version: "2024-11-20", sku: "ProvisionedManaged", capacity: 60)
        #expect(offStep.code == "InvalidCapacity")
        #expect(offStep.message == "The specified capacity '60' of account deployment should be a multiple of 50.")
        let noQuota = try await world.deploy("a1", "ptu", version: "2024-11-20", sku: "ProvisionedManaged", capacity: 50)
        #expect(noQuota.code == "InsufficientQuota")
        #expect(noQuota.message?.contains("quota limit is 0 for quota Provisioned Managed Throughput Unit.") == true)
    }

    @Test func givenAVersionPastItsInferenceDate_whenDeployed_thenServiceModelDeprecated() async throws {
        let world = try await world()
        let old = try await world.deploy("a1", "old", model: "gpt-35-turbo", version: "0613", capacity: 10)
        #expect(old.status == 400)
        #expect(old.code == "ServiceModelDeprecated")
        #expect(old.message == "The model 'Format:OpenAI,Name:gpt-35-turbo,Version:0613' has been deprecated since 04/30/2025 00:00:00.")
        #expect(try await world.client.send("GET", world.account("a1") + "/deployments/old").status == 404)
        // The same model's current version deploys.
        #expect(try await world.deploy("a1", "new", model: "gpt-35-turbo", version: "0125", capacity: 10).status == 201)
    }

    @Test func givenDeprecatedAndDeprecatingLifecycles_whenDeployed_thenTheServiceCodes() async throws {
        let world = try await world(catalog: try ModelCatalog(json: Array(Self.lifecycleCatalog.utf8)))
        let deprecated = try await world.deploy("a1", "d", model: "old", version: "1", capacity: 1)
        #expect(deprecated.code == "DeploymentModelNotSupported")
        #expect(
            deprecated.message
                == "Creating account deployment is not supported by the model 'old'. This is usually because there are better models "
                + "available for the similar functionality.")
        let deprecating = try await world.deploy("a1", "d", model: "going", version: "1", capacity: 1)
        #expect(deprecating.code == "ServiceModelDeprecating")
        #expect(
            deprecating.message
                == "The model 'Publisher:OpenAI,Format:OpenAI,Name:going,Version:1' is in deprecating state and cannot be used for new deployments."
        )
        let current = try await world.deploy("a1", "d", model: "current", version: "1", capacity: 1)
        #expect(current.status == 201)
    }

    @Test func givenARegionWithoutASku_whenDeployedThere_thenTheSkuIsNotSupported() async throws {
        let world = try await world()
        try await world.createAccount("sea", kind: "OpenAI", location: "southeastasia")
        // Learn's Global Standard table lists o3-mini in East US but not in Southeast Asia.
        let here = try await world.deploy("a1", "o3", model: "o3-mini", version: "2025-01-31", sku: "GlobalStandard", capacity: 1)
        #expect(here.status == 201)
        let there = try await world.deploy("sea", "o3", model: "o3-mini", version: "2025-01-31", sku: "GlobalStandard", capacity: 1)
        #expect(there.code == "InvalidResourceProperties")
        #expect(
            there.message
                == "The specified SKU 'GlobalStandard' of account deployment is not supported by the model 'o3-mini' version: '2025-01-31'."
        )
        let models = try await world.client.send("GET", world.account("sea") + "/models")
        let o3 = try #require(models.json?["value"]?.arrayValue?.first { $0["name"]?.stringValue == "o3-mini" })
        #expect(o3["skus"]?.arrayValue?.contains { $0["name"]?.stringValue == "GlobalStandard" } == false)
    }

    @Test func givenCatalogRateLimits_whenDeployed_thenTheDeploymentCarriesThemTimesItsCapacity() async throws {
        let world = try await world()
        // gpt-4o 2024-08-06 GlobalStandard lists 10 requests per 60 s and 1,000 tokens per 60 s per unit.
        let created = try await world.deploy("a1", "g", version: "2024-08-06", sku: "GlobalStandard", capacity: 7)
        #expect(
            created.properties?["rateLimits"] == [
                ["key": "request", "renewalPeriod": 60, "count": 70], ["key": "token", "renewalPeriod": 60, "count": 7000],
            ])
        // Batch SKUs are listed without rate limits: the deployment carries none.
        let batch = try await world.deploy("a1", "b", version: "2024-08-06", sku: "GlobalBatch", capacity: 10)
        #expect(batch.status == 201)
        #expect(batch.properties?["rateLimits"] == nil)
    }

    static let lifecycleCatalog = #"""
        {"asOf":"2025-05-25T00:00:00Z","regions":["eastus"],"regionSets":[["eastus"]],
         "accountKinds":[{"kind":"OpenAI","skus":["S0"],"deployments":true}],
         "usages":[{"name":"OpenAI.Standard.m","localizedName":"Tokens Per Minute (thousands) - m","limit":10}],
         "models":[
          {"format":"OpenAI","name":"old","version":"1","kinds":["OpenAI"],"lifecycleStatus":"Deprecated",
           "deprecation":{"inference":"2099-01-01T00:00:00Z"},
           "skus":[{"name":"Standard","usageName":"OpenAI.Standard.m","capacity":{"maximum":10},"regions":0}]},
          {"format":"OpenAI","name":"going","version":"1","kinds":["OpenAI"],"lifecycleStatus":"Deprecating",
           "skus":[{"name":"Standard","usageName":"OpenAI.Standard.m","capacity":{"maximum":10},"regions":0}]},
          {"format":"OpenAI","name":"current","version":"1","kinds":["OpenAI"],"lifecycleStatus":"GenerallyAvailable",
           "skus":[{"name":"Standard","usageName":"OpenAI.Standard.m","capacity":{"maximum":10},"regions":0}]}
         ]}
        """#
}
