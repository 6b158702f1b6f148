import ARMCore
import Foundation
import Testing

@testable import CognitiveServicesProvider

@Suite("CognitiveServices deployments and quota")
struct DeploymentsTests {
    typealias World = CognitiveServicesTestWorld

    func world(quota: Int? = nil) async throws -> World {
        let overrides = quota.map { [QuotaLimits.Override(usageName: "OpenAI.Standard.gpt-4o", limit: $0)] } ?? []
        let world = try World(quotas: overrides)
        try await world.createGroup()
        try await world.createAccount("a1", kind: "OpenAI")
        return world
    }

    @Test func givenAnOSeriesModel_whenDeployed_thenItsRateLimitsCountRequestsPerMinuteAtItsUnitRate() async throws {
        let world = try await world()
        let created = try await world.deploy("a1", "o3", model: "o3-mini", version: "2025-01-31", sku: "GlobalStandard", capacity: 5)
        #expect(created.status == 201)
        let limits = try #require(created.properties?["rateLimits"])
        #expect(limits[0] == ["key": "request", "renewalPeriod": 60, "count": 5])
        #expect(limits[1] == ["key": "token", "renewalPeriod": 60, "count": 50_000])
        #expect(created.properties?["callRateLimit"]?["renewalPeriod"]?.intValue == 60)
    }

    @Test func createReturns201ThenUpdate200WithCatalogFields() async throws {
        let world = try await world()
        let created = try await world.deploy("a1", "gpt4o", capacity: 10)
        #expect(created.status == 201)
        #expect(created.json?["type"]?.stringValue == "Microsoft.CognitiveServices/accounts/deployments")
        #expect(created.json?["sku"] == ["name": "Standard", "capacity": 10])
        #expect(created.json?["etag"] != nil && created.json?["systemData"] != nil)
        let properties = try #require(created.properties)
        #expect(properties["model"] == ["format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"])
        #expect(properties["provisioningState"]?.stringValue == "Succeeded")
        #expect(properties["raiPolicyName"]?.stringValue == "Microsoft.DefaultV2")
        #expect(properties["versionUpgradeOption"]?.stringValue == "OnceNewDefaultVersionAvailable")
        #expect(properties["capabilities"]?["chatCompletion"]?.stringValue == "true")
        #expect(properties["rateLimits"]?[1]?["count"]?.intValue == 10_000)
        #expect(properties["callRateLimit"]?["count"]?.intValue == 10)
        #expect(created.headers["Azure-AsyncOperation"] == nil)

        let updated = try await world.deploy("a1", "gpt4o", version: "2024-08-06", capacity: 20)
        #expect(updated.status == 200)
        #expect(updated.properties?["model"]?["version"]?.stringValue == "2024-08-06")
        #expect(updated.json?["systemData"]?["createdAt"] == created.json?["systemData"]?["createdAt"])
    }

    @Test func missingVersionMeansTheDefaultVersion() async throws {
        let world = try await world()
        let created = try await world.deploy("a1", "d", version: nil)
        // The recorded catalog marks gpt-4o 2024-08-06 as the default version.
        #expect(created.properties?["model"]?["version"]?.stringValue == "2024-08-06")
        // A partner model listed with no default version: the newest.
        try await world.createAccount("ais")
        let llama = try await world.deploy(
            "ais", "l", model: "Llama-3.3-70B-Instruct", version: nil, sku: "GlobalStandard", capacity: 1, format: "Meta")
        #expect(llama.properties?["model"]?["version"]?.stringValue == "5")
    }

    @Test func capacityAsANumericStringIsAcceptedLikeTheService() async throws {
        let world = try await world()
        // az sends `--sku-capacity 7` as "7".
        let reply = try await world.client.send(
            "PUT", world.account("a1") + "/deployments/s",
            body: #"{"sku":{"name":"Standard","capacity":"7"},"properties":{"model":{"format":"OpenAI","name":"gpt-4o"}}}"#)
        #expect(reply.status == 201)
        #expect(reply.json?["sku"]?["capacity"]?.intValue == 7)
        let bad = try await world.client.send(
            "PUT", world.account("a1") + "/deployments/s2",
            body: #"{"sku":{"name":"Standard","capacity":"lots"},"properties":{"model":{"format":"OpenAI","name":"gpt-4o"}}}"#)
        #expect(bad.status == 400)
    }

    @Test func catalogValidationUsesTheRealCodes() async throws {
        let world = try await world()
        let unknown = try await world.deploy("a1", "d", model: "gpt-9", version: "1")
        #expect(unknown.status == 400)
        #expect(unknown.code == "DeploymentModelNotSupported")
        #expect(
            unknown.message
                == "The model 'Publisher: , Format: OpenAI, Name: gpt-9, Version: 1, Source: , SourceAccount: ' of account deployment is not supported."
        )
        // A model AIServices hosts but OpenAI accounts do not.
        let wrongKind = try await world.deploy("a1", "d", model: "DeepSeek-R1", version: "1", sku: "GlobalStandard", format: "DeepSeek")
        #expect(wrongKind.code == "DeploymentModelNotSupported")
        let badSku = try await world.deploy("a1", "d", model: "o3-mini", version: "2025-01-31", sku: "Standard")
        #expect(badSku.status == 400)
        #expect(badSku.code == "InvalidResourceProperties")
        #expect(
            badSku.message
                == "The specified SKU 'Standard' of account deployment is not supported by the model 'o3-mini' version: '2025-01-31'.")
        // Outside the SKU's range (the catalog lists Standard gpt-4o as 1 to 1,000,000 units).
        let badCapacity = try await world.deploy("a1", "d", capacity: 0)
        #expect(badCapacity.code == "InvalidCapacity")
        #expect(badCapacity.message == "The specified capacity '0' of account deployment should be at least 1 and no more than 1000000.")
        let badRai = try await world.deploy("a1", "d", extra: #""raiPolicyName":"nope""#)
        #expect(badRai.status == 400)
        let badName = try await world.deploy("a1", "-x")
        #expect(badName.status == 400)
        #expect(try await world.client.send("GET", world.account("a1") + "/deployments").json?["value"] == [])

        #expect(try await world.deploy("a1", "d").status == 201)
        let change = try await world.deploy("a1", "d", model: "gpt-4o-mini", version: "2024-07-18")
        #expect(change.status == 400)
        #expect(change.code == "InvalidResourceProperties")
        #expect(change.message == "Changing the model of an existing deployment is not supported.")
    }

    @Test func kindsWithoutModelsCannotHostDeploymentsAndAIServicesHostsOtherFormats() async throws {
        let world = try await world()
        try await world.client.send(
            "PUT", world.account("speech"), body: #"{"location":"eastus","kind":"SpeechServices","sku":{"name":"S0"}}"#)
        let speech = try await world.deploy("speech", "d")
        #expect(speech.status == 400)
        #expect(speech.code == "OperationNotSupported")
        try await world.createAccount("ais")
        // Serverless (MaaS) SKUs are listed with a capacity of exactly 1.
        let deepseek = try await world.deploy(
            "ais", "r1", model: "DeepSeek-R1", version: "1", sku: "GlobalStandard", capacity: 1, format: "DeepSeek")
        #expect(deepseek.status == 201)
        let missingAccount = try await world.deploy("ghost", "d")
        #expect(missingAccount.status == 404)
        #expect(missingAccount.code == "ParentResourceNotFound")
    }

    @Test func quotaIsChargedReportedAndReturned() async throws {
        let world = try await world(quota: 30)
        #expect(try await world.deploy("a1", "d1", capacity: 20).status == 201)
        let over = try await world.deploy("a1", "d2", capacity: 11)
        #expect(over.status == 400)
        #expect(over.code == "InsufficientQuota")
        #expect(
            over.message
                == "This operation require 11 new capacity in quota Tokens Per Minute (thousands) - gpt-4o, which is bigger than the current available capacity 10. The current quota usage is 20 and the quota limit is 30 for quota Tokens Per Minute (thousands) - gpt-4o."
        )
        #expect(try await world.deploy("a1", "d2", capacity: 10).status == 201)

        let usages = try await world.client.send(
            "GET", World.provider + "/locations/eastus/usages?$filter=name.value eq 'OpenAI.Standard.gpt-4o'")
        #expect(usages.json?["value"]?.arrayValue?.count == 1)
        #expect(usages.json?["value"]?[0]?["currentValue"]?.intValue == 30)
        #expect(usages.json?["value"]?[0]?["limit"]?.intValue == 30)
        #expect(usages.json?["value"]?[0]?["name"]?["localizedValue"]?.stringValue == "Tokens Per Minute (thousands) - gpt-4o")
        let accountUsages = try await world.client.send("GET", world.account("a1") + "/usages")
        #expect(accountUsages.json?["value"]?.arrayValue?.contains { $0["currentValue"]?.intValue == 30 } == true)

        // Replacing a deployment re-charges only the difference; PATCH scales.
        #expect(try await world.deploy("a1", "d1", capacity: 15).status == 200)
        let patched = try await world.client.send("PATCH", world.account("a1") + "/deployments/d2", body: #"{"sku":{"capacity":15}}"#)
        #expect(patched.status == 200)
        #expect(patched.json?["sku"]?["capacity"]?.intValue == 15)
        #expect(
            try await world.client.send("PATCH", world.account("a1") + "/deployments/d2", body: #"{"sku":{"capacity":16}}"#).code
                == "InsufficientQuota")

        // Deleting a deployment returns its capacity; deleting the account returns the rest.
        #expect(try await world.client.send("DELETE", world.account("a1") + "/deployments/d2").status == 200)
        #expect(try await world.client.send("DELETE", world.account("a1") + "/deployments/d2").status == 204)
        #expect(try await world.deploy("a1", "d3", capacity: 15).status == 201)
        try await world.client.send("DELETE", world.account("a1"))
        let after = try await world.client.send(
            "GET", World.provider + "/locations/eastus/usages?$filter=name.value eq 'OpenAI.Standard.gpt-4o'")
        #expect(after.json?["value"]?[0]?["currentValue"]?.intValue == 0)
        #expect(try await world.client.send("GET", world.account("a1") + "/deployments/d1").status == 404)
    }

    @Test func racingPutsNeverOverAllocate() async throws {
        let world = try await world(quota: 100)
        try await world.createAccount("a2", kind: "OpenAI")
        // 40 PUTs of 10 units each across two accounts in one region: exactly 10 fit.
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<40 {
                group.addTask { try await world.deploy(index % 2 == 0 ? "a1" : "a2", "d\(index)", capacity: 10).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 201 }.count == 10)
        #expect(statuses.filter { $0 == 400 }.count == 30)
        let usage = try await world.client.send(
            "GET", World.provider + "/locations/eastus/usages?$filter=name.value eq 'OpenAI.Standard.gpt-4o'")
        #expect(usage.json?["value"]?[0]?["currentValue"]?.intValue == 100)
    }

    @Test func quotaIsPerRegionAndSeedOverridesAreMostSpecific() async throws {
        let limits = QuotaLimits(overrides: [
            .init(usageName: "OpenAI.Standard.gpt-4o", limit: 5),
            .init(usageName: "OpenAI.Standard.gpt-4o", limit: 7, location: "West US"),
        ])
        #expect(limits.limit(usageName: "OpenAI.Standard.gpt-4o", subscriptionID: "s", location: "eastus") == 5)
        #expect(limits.limit(usageName: "OpenAI.Standard.gpt-4o", subscriptionID: "s", location: "westus") == 7)
        // The default is the recorded `usage list` limit (scripts/model-catalog/SOURCES.md).
        #expect(limits.limit(usageName: "OpenAI.GlobalStandard.gpt-4o", subscriptionID: "s", location: "eastus") == 50)
        let parsed = try QuotaLimits.parseOverrides(seed: ["quotas": [["usageName": "OpenAI.Standard.gpt-4o", "limit": 3]]])
        #expect(parsed == [QuotaLimits.Override(usageName: "OpenAI.Standard.gpt-4o", limit: 3)])
        #expect(throws: QuotaSeedError.self) { try QuotaLimits.parseOverrides(seed: ["quotas": [["limit": 3]]]) }
    }

    @Test func listAndSkusOfADeployment() async throws {
        let world = try await world()
        try await world.deploy("a1", "d1")
        try await world.deploy("a1", "d2", model: "text-embedding-3-small", version: "1")
        let list = try await world.client.send("GET", world.account("a1") + "/deployments")
        #expect(list.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["d1", "d2"])
        let skus = try await world.client.send("GET", world.account("a1") + "/deployments/d1/skus")
        #expect(
            skus.json?["value"]?.arrayValue?.compactMap { $0["sku"]?["name"]?.stringValue } == [
                "DataZoneProvisionedManaged", "DataZoneStandard", "GlobalBatch", "GlobalProvisionedManaged", "GlobalStandard",
                "ProvisionedManaged", "Standard",
            ])
    }
}
