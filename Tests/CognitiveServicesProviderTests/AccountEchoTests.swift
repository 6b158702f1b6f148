import ARMCore
import Foundation
import Testing

@testable import CognitiveServicesProvider

@Suite("CognitiveServices account location echo and network properties")
struct AccountEchoTests {
    typealias World = CognitiveServicesTestWorld

    @Test func locationIsReturnedAsSentAndStoredCanonically() async throws {
        let world = try World()
        try await world.createGroup()
        let body = #"{"location":"SOUTHCENTRALUS","kind":"OpenAI","sku":{"name":"S0"},"properties":{"customSubDomainName":"echo1"}}"#
        let created = try await world.client.send("PUT", world.account("echo1"), body: body)
        #expect(created.status == 201)
        #expect(created.json?["location"]?.stringValue == "SOUTHCENTRALUS")
        #expect(try await world.client.send("GET", world.account("echo1")).json?["location"]?.stringValue == "SOUTHCENTRALUS")
        let listed = try await world.client.send("GET", world.group() + "/providers/Microsoft.CognitiveServices/accounts")
        #expect(listed.json?["value"]?[0]?["location"]?.stringValue == "SOUTHCENTRALUS")
        let patched = try await world.client.send("PATCH", world.account("echo1"), body: #"{"tags":{"a":"b"}}"#)
        #expect(patched.json?["location"]?.stringValue == "SOUTHCENTRALUS")
        // Everything that needs the region reads the canonical name.
        #expect(world.store.get(try #require(ResourceID(world.account("echo1"))))?.body["location"]?.stringValue == "southcentralus")
        #expect(created.properties?["endpoints"] != nil)
    }

    @Test func networkRulesEncryptionAndStorageAreValidated() async throws {
        let world = try World()
        try await world.createGroup()
        try await world.createAccount("net1", subdomain: "net1")
        let rules =
            #"{"properties":{"networkAcls":{"defaultAction":"Deny","ipRules":[{"value":"200.0.0.1"},{"value":"100.0.0.0/24"}],"virtualNetworkRules":[]}}}"#
        let patched = try await world.client.send("PATCH", world.account("net1"), body: rules)
        #expect(patched.status == 200)
        #expect(patched.properties?["networkAcls"]?["ipRules"] == [["value": "200.0.0.1"], ["value": "100.0.0.0/24"]])
        #expect(patched.properties?["networkAcls"]?["defaultAction"]?.stringValue == "Deny")

        let badIP = try await world.client.send(
            "PATCH", world.account("net1"), body: #"{"properties":{"networkAcls":{"ipRules":[{"value":"300.1.1.1"}]}}}"#)
        #expect(badIP.status == 400)
        #expect(badIP.code == "InvalidResourceProperties")
        let badAction = try await world.client.send(
            "PATCH", world.account("net1"), body: #"{"properties":{"networkAcls":{"defaultAction":"Maybe"}}}"#)
        #expect(badAction.status == 400)
        let keyVault = try await world.client.send(
            "PATCH", world.account("net1"), body: #"{"properties":{"encryption":{"keySource":"Microsoft.KeyVault"}}}"#)
        #expect(keyVault.status == 400)
        let managed = try await world.client.send(
            "PATCH", world.account("net1"), body: #"{"properties":{"encryption":{"keySource":"Microsoft.CognitiveServices"}}}"#)
        #expect(managed.properties?["encryption"]?["keySource"]?.stringValue == "Microsoft.CognitiveServices")
        let storageID = World.subscriptionPath + "/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/st1"
        let storage = try await world.client.send(
            "PATCH", world.account("net1"), body: #"{"properties":{"userOwnedStorage":[{"resourceId":"\#(storageID)"}]}}"#)
        #expect(storage.properties?["userOwnedStorage"]?[0]?["resourceId"]?.stringValue == storageID)
        let notStorage = try await world.client.send(
            "PATCH", world.account("net1"), body: #"{"properties":{"userOwnedStorage":[{"resourceId":"x"}]}}"#)
        #expect(notStorage.status == 400)
        // The failed writes left the account as it was.
        let shown = try await world.client.send("GET", world.account("net1"))
        #expect(shown.properties?["networkAcls"]?["ipRules"]?.arrayValue?.count == 2)
    }
}
