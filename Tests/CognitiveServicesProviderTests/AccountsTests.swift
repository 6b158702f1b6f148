import ARMCore
import Foundation
import Testing

@testable import CognitiveServicesProvider

@Suite("CognitiveServices accounts")
struct AccountsTests {
    typealias World = CognitiveServicesTestWorld

    @Test func createReturns201ThenReplaceReturns200WithEnvelopeAndEndpoints() async throws {
        let world = try World()
        try await world.createGroup()
        let created = try await world.createAccount("Acct1", subdomain: "acct1")
        #expect(created.status == 201)
        #expect(created.json?["id"]?.stringValue == world.account("Acct1"))
        #expect(created.json?["type"]?.stringValue == "Microsoft.CognitiveServices/accounts")
        #expect(created.json?["kind"]?.stringValue == "AIServices")
        #expect(created.json?["sku"] == ["name": "S0"])
        #expect(created.json?["etag"]?.stringValue?.hasPrefix("\"") == true)
        #expect(created.json?["systemData"]?["createdByType"]?.stringValue == "Application")
        #expect(created.json?["identity"]?["principalId"]?.stringValue?.count == 36)
        #expect(created.json?["identity"]?["tenantId"]?.stringValue == World.caller.tenantId)
        let properties = try #require(created.properties)
        #expect(properties["provisioningState"]?.stringValue == "Succeeded")
        #expect(properties["endpoint"]?.stringValue == "https://localhost:8443/dataplane/acct1.cognitiveservices.azure.com/")
        #expect(properties["endpoints"]?["AI Foundry API"]?.stringValue == "https://localhost:8443/dataplane/acct1.services.ai.azure.com/")
        #expect(properties["internalId"]?.stringValue?.count == 32)
        #expect(properties["dateCreated"]?.stringValue != nil)
        #expect(properties["allowProjectManagement"]?.boolValue == true)
        #expect(properties["associatedProjects"] == [])
        #expect(properties["publicNetworkAccess"]?.stringValue == "Enabled")
        #expect(properties["disableLocalAuth"]?.boolValue == false)

        let replaced = try await world.createAccount("acct1", subdomain: "acct1", extra: #""publicNetworkAccess":"Disabled""#)
        #expect(replaced.status == 200)
        #expect(replaced.properties?["internalId"] == properties["internalId"])
        #expect(replaced.properties?["publicNetworkAccess"]?.stringValue == "Disabled")
        #expect(replaced.json?["identity"]?["principalId"] == created.json?["identity"]?["principalId"])
    }

    @Test func openAIEndpointUsesTheOpenAIHost() async throws {
        let world = try World()
        try await world.createGroup()
        let created = try await world.createAccount("oai", kind: "OpenAI", subdomain: "oai-sub")
        #expect(created.properties?["endpoint"]?.stringValue == "https://localhost:8443/dataplane/oai-sub.openai.azure.com/")
        let regional = try await world.createAccount("oai2", kind: "OpenAI")
        #expect(regional.properties?["endpoint"]?.stringValue == "https://localhost:8443/dataplane/eastus.api.cognitive.microsoft.com/")
    }

    @Test func invalidInputGetsTheRealErrorsAndWritesNothing() async throws {
        let world = try World()
        try await world.createGroup()
        let badKind = try await world.createAccount("a1", kind: "Bogus")
        #expect(badKind.status == 400)
        #expect(badKind.code == "InvalidApiSetId")
        #expect(badKind.message == "The account type 'Bogus' is either invalid or unavailable in given region.")

        let badSku = try await world.client.send(
            "PUT", world.account("a1"), body: #"{"location":"eastus","kind":"OpenAI","sku":{"name":"F0"}}"#)
        #expect(badSku.status == 400)
        #expect(badSku.code == "SpecialFeatureOrQuotaIdRequired")

        let badName = try await world.createAccount("-bad")
        #expect(badName.status == 400)
        #expect(badName.code == "InvalidAccountName")

        let badRegion = try await world.client.send(
            "PUT", world.account("a1"), body: #"{"location":"moon","kind":"OpenAI","sku":{"name":"S0"}}"#)
        #expect(badRegion.code == "LocationNotAvailableForResourceType")

        let badType = try await world.createAccount("a1", extra: #""disableLocalAuth":"yes""#)
        #expect(badType.status == 400)

        let noGroup = try await world.createAccount("a1", group: "missing")
        #expect(noGroup.status == 404)
        #expect(noGroup.code == "ResourceGroupNotFound")

        let get = try await world.client.send("GET", world.account("a1"))
        #expect(get.status == 404)
        #expect(get.code == "ResourceNotFound")
    }

    @Test func kindsAndSkus() async throws {
        let world = try World()
        try await world.createGroup()
        for kind in ["AIServices", "OpenAI", "CognitiveServices", "ContentSafety", "SpeechServices", "Speech"] {
            let reply = try await world.client.send(
                "PUT", world.account("k-\(kind.lowercased())"), body: #"{"location":"eastus","kind":"\#(kind)","sku":{"name":"S0"}}"#)
            #expect(reply.status == 201, "\(kind)")
        }
        let free = try await world.client.send(
            "PUT", world.account("free"), body: #"{"location":"eastus","kind":"ContentSafety","sku":{"name":"F0"}}"#)
        #expect(free.status == 201)
        let skus = try await world.client.send("GET", world.account("free") + "/skus")
        #expect(skus.json?["value"]?.arrayValue?.compactMap { $0["sku"]?["name"]?.stringValue } == ["F0", "S0"])
        #expect(skus.json?["value"]?[0]?["sku"]?["tier"]?.stringValue == "Free")
    }

    @Test func customSubdomainIsUniqueImmutableAndFreedByPurge() async throws {
        let world = try World()
        try await world.createGroup()
        try await world.createGroup("rg2")
        #expect(try await world.createAccount("a1", subdomain: "shared").status == 201)
        let clash = try await world.createAccount("a2", subdomain: "SHARED", group: "rg2")
        #expect(clash.status == 409)
        #expect(clash.code == "CustomDomainInUse")
        #expect(clash.message?.hasPrefix("Please pick a different name. The subdomain name 'SHARED' is not available") == true)

        let change = try await world.client.send("PATCH", world.account("a1"), body: #"{"properties":{"customSubDomainName":"other"}}"#)
        #expect(change.status == 400)

        let check = try await world.client.send(
            "POST", World.provider + "/checkDomainAvailability",
            body: #"{"subdomainName":"shared","type":"Microsoft.CognitiveServices/accounts"}"#)
        #expect(check.json?["isSubdomainAvailable"]?.boolValue == false)
        #expect(check.json?["reason"]?.stringValue == "Sub domain name 'shared' is already used. Please pick a different name.")

        // Soft delete keeps the subdomain; purge frees it.
        #expect(try await world.client.send("DELETE", world.account("a1")).status == 200)
        #expect(try await world.createAccount("a2", subdomain: "shared", group: "rg2").code == "CustomDomainInUse")
        let purge = try await world.client.send("DELETE", World.provider + "/locations/eastus/resourceGroups/rg1/deletedAccounts/a1")
        #expect(purge.status == 200)
        #expect(try await world.createAccount("a2", subdomain: "shared", group: "rg2").status == 201)
        let free = try await world.client.send(
            "POST", World.provider + "/checkDomainAvailability",
            body: #"{"subdomainName":"unused-name","type":"Microsoft.CognitiveServices/accounts"}"#)
        #expect(free.json?["isSubdomainAvailable"]?.boolValue == true)
    }

    @Test func concurrentCreatesWithOneSubdomainLetExactlyOneWin() async throws {
        let world = try World()
        try await world.createGroup()
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<12 {
                group.addTask { try await world.createAccount("race\(index)", subdomain: "racedomain").status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 201 }.count == 1)
        #expect(statuses.filter { $0 == 409 }.count == 11)
    }

    @Test func patchMergesPropertiesReplacesTagsAndKeepsProvisioning() async throws {
        let world = try World()
        try await world.createGroup()
        try await world.client.send(
            "PUT", world.account("a1"), body: #"{"location":"eastus","kind":"OpenAI","sku":{"name":"S0"},"tags":{"a":"1"}}"#)
        let patched = try await world.client.send(
            "PATCH", world.account("a1"), body: #"{"tags":{"b":"2"},"properties":{"disableLocalAuth":true},"kind":"AIServices"}"#)
        #expect(patched.status == 200)
        #expect(patched.json?["tags"] == ["b": "2"])
        #expect(patched.json?["kind"]?.stringValue == "AIServices")
        #expect(patched.properties?["disableLocalAuth"]?.boolValue == true)
        #expect(patched.properties?["publicNetworkAccess"]?.stringValue == "Enabled")
        let badKind = try await world.client.send("PATCH", world.account("a1"), body: #"{"kind":"Face"}"#)
        #expect(badKind.status == 400)
        let missing = try await world.client.send("PATCH", world.account("nope"), body: #"{"tags":{}}"#)
        #expect(missing.status == 404)
    }

    @Test func listsPageWithNextLink() async throws {
        let world = try World()
        try await world.createGroup()
        for index in 0..<3 { try await world.createAccount("acct\(index)", kind: "OpenAI") }
        let page = try await world.client.send("GET", world.group() + "/providers/Microsoft.CognitiveServices/accounts?$top=2")
        #expect(page.json?["value"]?.arrayValue?.count == 2)
        let next = try #require(page.json?["nextLink"]?.stringValue)
        let rest = try await world.client.send("GET", String(next.dropFirst("https://localhost:8443".count)))
        #expect(rest.json?["value"]?.arrayValue?.count == 1)
        #expect(rest.json?["nextLink"] == nil)
        let all = try await world.client.send("GET", World.provider + "/accounts")
        #expect(all.json?["value"]?.arrayValue?.count == 3)
        #expect(all.json?["value"]?[0]?["properties"]?["endpoint"] != nil)
    }

    @Test func keysListAndRegenerateIndependently() async throws {
        let world = try World()
        try await world.createGroup()
        try await world.createAccount("a1")
        let keys = try await world.client.send("POST", world.account("a1") + "/listKeys")
        #expect(keys.status == 200)
        let key1 = try #require(keys.json?["key1"]?.stringValue)
        let key2 = try #require(keys.json?["key2"]?.stringValue)
        #expect(key1 != key2 && key1.count == AccountKey.length)
        let regenerated = try await world.client.send("POST", world.account("a1") + "/regenerateKey", body: #"{"keyName":"Key2"}"#)
        #expect(regenerated.json?["key1"]?.stringValue == key1)
        #expect(regenerated.json?["key2"]?.stringValue != key2)
        let bad = try await world.client.send("POST", world.account("a1") + "/regenerateKey", body: #"{"keyName":"key3"}"#)
        #expect(bad.status == 400)
        #expect(bad.message == "The key name 'key3' is invalid. Valid values are 'Key1' and 'Key2'.")

        try await world.client.send("PATCH", world.account("a1"), body: #"{"properties":{"disableLocalAuth":true}}"#)
        let refused = try await world.client.send("POST", world.account("a1") + "/regenerateKey", body: #"{"keyName":"Key1"}"#)
        #expect(refused.status == 400)
        #expect(refused.message == "Failed to regenerate key. disableLocalAuth is set to be true")
        #expect(try await world.client.send("POST", world.account("a1") + "/listKeys").status == 400)
    }

    /// Azure soft-deletes the accounts of a deleted resource group: they can be listed, restored
    /// once the group exists again, and keep their subdomain until purged.
    @Test func deletingTheResourceGroupSoftDeletesItsAccounts() async throws {
        let world = try World()
        try await world.createGroup()
        try await world.createAccount("a1", subdomain: "groupsoft1")
        try await world.deploy("a1", "d1")
        let deleted = try await world.client.send("DELETE", world.group(), apiVersion: "2024-11-01")
        #expect(deleted.status == 202)
        #expect(try await world.client.send("GET", world.account("a1")).status == 404)
        let kept = try await world.client.send("GET", World.provider + "/locations/eastus/resourceGroups/rg1/deletedAccounts/a1")
        #expect(kept.status == 200)
        #expect(kept.properties?["customSubDomainName"]?.stringValue == "groupsoft1")
        // The subdomain stays taken until the deleted account is purged
        try await world.createGroup("rg2")
        #expect(try await world.createAccount("other", subdomain: "groupsoft1", group: "rg2").status == 409)
        // Restored once the group is back; its deployments went with the delete
        try await world.createGroup()
        let restored = try await world.client.send(
            "PUT", world.account("a1"), body: #"{"location":"eastus","properties":{"restore":true}}"#)
        #expect(restored.status == 201)
        #expect(try await world.client.send("GET", world.account("a1") + "/deployments").json?["value"] == [])
    }

    @Test func softDeleteRestoreAndPurge() async throws {
        let world = try World()
        try await world.createGroup()
        try await world.createAccount("a1", subdomain: "soft1")
        let keys = try await world.client.send("POST", world.account("a1") + "/listKeys")
        #expect(try await world.client.send("DELETE", world.account("a1")).status == 200)
        #expect(try await world.client.send("GET", world.account("a1")).status == 404)
        #expect(try await world.client.send("DELETE", world.account("a1")).status == 204)

        let deleted = try await world.client.send("GET", World.provider + "/locations/eastus/resourceGroups/rg1/deletedAccounts/a1")
        #expect(deleted.status == 200)
        #expect(deleted.properties?["deletionDate"]?.stringValue != nil)
        #expect(deleted.properties?["scheduledPurgeDate"]?.stringValue != nil)
        let list = try await world.client.send("GET", World.provider + "/deletedAccounts")
        #expect(list.json?["value"]?.arrayValue?.count == 1)

        let conflict = try await world.createAccount("a1", subdomain: "soft1")
        #expect(conflict.status == 409)
        #expect(conflict.code == "FlagMustBeSetForRestore")
        #expect(conflict.message?.contains("An existing resource with ID '\(world.account("a1"))' has been soft-deleted.") == true)

        // What `az cognitiveservices account recover` sends: no kind, no sku.
        let restored = try await world.client.send(
            "PUT", world.account("a1"), body: #"{"location":"eastus","properties":{"restore":true}}"#)
        #expect(restored.status == 201)
        #expect(restored.json?["kind"]?.stringValue == "AIServices")
        #expect(restored.properties?["customSubDomainName"]?.stringValue == "soft1")
        #expect(restored.properties?["deletionDate"] == nil)
        #expect(try await world.client.send("POST", world.account("a1") + "/listKeys").json == keys.json)
        #expect(try await world.client.send("GET", World.provider + "/deletedAccounts").json?["value"] == [])

        let nothing = try await world.client.send("PUT", world.account("zz"), body: #"{"location":"eastus","properties":{"restore":true}}"#)
        #expect(nothing.status == 404)

        try await world.client.send("DELETE", world.account("a1"))
        #expect(
            try await world.client.send("DELETE", World.provider + "/locations/eastus/resourceGroups/rg1/deletedAccounts/a1").status == 200)
        #expect(
            try await world.client.send("GET", World.provider + "/locations/eastus/resourceGroups/rg1/deletedAccounts/a1").status == 404)
        #expect(try await world.createAccount("a1", subdomain: "soft1").status == 201)
    }

    @Test func provisioningDelayAnswersCreatingAndFinishesWithoutPolling() async throws {
        let world = try World(provisioningDelay: .milliseconds(50))
        try await world.createGroup()
        let created = try await world.createAccount("slow")
        #expect(created.status == 201)
        #expect(created.properties?["provisioningState"]?.stringValue == "Creating")
        #expect(created.headers["Azure-AsyncOperation"] != nil)
        #expect(created.headers["Retry-After"] == "1")
        // A deployment write while the account provisions is a conflict.
        let early = try await world.deploy("slow", "d1")
        #expect(early.status == 409)
        #expect(early.code == "RequestConflict")
        await world.operations.waitForAll()
        let after = try await world.client.send("GET", world.account("slow"))
        #expect(after.properties?["provisioningState"]?.stringValue == "Succeeded")
        let deployment = try await world.deploy("slow", "d1")
        #expect(deployment.status == 201)
        #expect(deployment.properties?["provisioningState"]?.stringValue == "Creating")
        await world.operations.waitForAll()
        #expect(
            try await world.client.send("GET", world.account("slow") + "/deployments/d1").properties?["provisioningState"]?.stringValue
                == "Succeeded")
        let delete = try await world.client.send("DELETE", world.account("slow"))
        #expect(delete.status == 202)
        #expect(delete.headers["Location"] != nil)
        await world.operations.waitForAll()
        #expect(try await world.client.send("GET", world.account("slow")).status == 404)
    }
}
