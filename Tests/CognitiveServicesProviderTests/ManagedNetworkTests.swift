import ARMCore
import Foundation
import JSON
import Testing

@testable import CognitiveServicesProvider

@Suite("CognitiveServices managed network")
struct ManagedNetworkTests {
    typealias World = CognitiveServicesTestWorld
    static let api = "2026-05-15-preview"

    func network(_ world: World, _ account: String = "mn1") -> String { world.account(account) + "/managedNetworks/default" }

    @Test func putGetPatchProvisionAndDeleteAsTheRecordingsShow() async throws {
        let world = try World()
        try await world.createGroup()
        let account = try await world.createAccount("mn1", subdomain: "mn1")
        let missing = try await world.client.send("GET", network(world), apiVersion: Self.api)
        #expect(missing.status == 404)

        let put = try await world.client.send(
            "PUT", network(world), apiVersion: Self.api,
            body: #"{"properties":{"managedNetwork":{"isolationMode":"AllowInternetOutbound"}}}"#)
        #expect(put.status == 200)
        #expect(put.json?["id"] == nil)
        let settings = try #require(put.properties?["managedNetwork"])
        #expect(put.properties?["provisioningState"]?.stringValue == "Succeeded")
        #expect(settings["isolationMode"]?.stringValue == "AllowInternetOutbound")
        #expect(settings["outboundRules"] == .object(JSONObject()))
        #expect(settings["status"] == ["status": "Active"])
        #expect(settings["firewallSku"]?.stringValue == "Standard")
        #expect(settings["managedNetworkKind"]?.stringValue == "V2")
        let internalID = try #require(account.properties?["internalId"]?.stringValue)
        #expect(settings["networkId"]?.stringValue?.replacingOccurrences(of: "-", with: "") == internalID)

        let patched = try await world.client.send(
            "PATCH", network(world), apiVersion: Self.api,
            body: #"{"properties":{"managedNetwork":{"isolationMode":"AllowOnlyApprovedOutbound","firewallSku":"Basic"}}}"#)
        #expect(patched.status == 200)
        let rules = try #require(patched.properties?["managedNetwork"]?["outboundRules"]?.objectValue)
        #expect(rules.keys == ["__SYS_ST_AzureActiveDirectory_TCP"])
        #expect(rules["__SYS_ST_AzureActiveDirectory_TCP"]?["category"]?.stringValue == "Required")
        #expect(patched.properties?["managedNetwork"]?["firewallSku"]?.stringValue == "Basic")

        let provisioned = try await world.client.send("POST", network(world) + "/provision", apiVersion: Self.api, body: "{}")
        #expect(provisioned.status == 200)
        #expect(provisioned.json == ["status": "Active"])
        let listed = try await world.client.send("GET", world.account("mn1") + "/managedNetworks", apiVersion: Self.api)
        #expect(listed.json?["value"]?.arrayValue?.count == 1)

        #expect(try await world.client.send("DELETE", network(world), apiVersion: Self.api).status == 204)
        #expect(try await world.client.send("GET", network(world), apiVersion: Self.api).status == 404)
        #expect(try await world.client.send("DELETE", network(world), apiVersion: Self.api).status == 204)
    }

    @Test func outboundRulesCrudAndBulkSet() async throws {
        let world = try World()
        try await world.createGroup()
        try await world.createAccount("mn1", subdomain: "mn1")
        try await world.client.send(
            "PUT", network(world), apiVersion: Self.api,
            body: #"{"properties":{"managedNetwork":{"isolationMode":"AllowOnlyApprovedOutbound"}}}"#)
        let rule = network(world) + "/outboundRules/test-fqdn-rule"
        let put = try await world.client.send(
            "PUT", rule, apiVersion: Self.api,
            body: #"{"properties":{"category":"UserDefined","destination":"*.openai.azure.com","type":"FQDN"}}"#)
        #expect(put.status == 200)
        #expect(
            put.json == [
                "properties": ["status": "Active", "category": "UserDefined", "type": "FQDN", "destination": "*.openai.azure.com"]
            ])
        #expect(try await world.client.send("GET", rule, apiVersion: Self.api).json == put.json)
        let listed = try await world.client.send("GET", network(world) + "/outboundRules", apiVersion: Self.api)
        #expect(listed.json?["value"]?.arrayValue?.count == 2)

        let bulk = try await world.client.send(
            "POST", network(world) + "/batchOutboundRules", apiVersion: Self.api,
            body:
                #"{"properties":{"outboundRules":{"tag1":{"type":"ServiceTag","destination":{"serviceTag":"Storage","protocol":"TCP","portRanges":"443"}},"pe1":{"type":"PrivateEndpoint","destination":{"serviceResourceId":"/subscriptions/x/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/s","subresourceTarget":"blob"}}}}}"#
        )
        #expect(bulk.status == 200)
        #expect(bulk.properties?["outboundRules"]?.objectValue?.count == 4)

        let bad = try await world.client.send(
            "PUT", network(world) + "/outboundRules/bad", apiVersion: Self.api, body: #"{"properties":{"type":"FQDN"}}"#)
        #expect(bad.status == 400)
        let badType = try await world.client.send(
            "PUT", network(world) + "/outboundRules/bad", apiVersion: Self.api, body: #"{"properties":{"type":"Nope","destination":"x"}}"#)
        #expect(badType.status == 400)
        #expect(try await world.client.send("GET", network(world) + "/outboundRules/bad", apiVersion: Self.api).status == 404)

        #expect(try await world.client.send("DELETE", rule, apiVersion: Self.api).status == 204)
        #expect(try await world.client.send("GET", rule, apiVersion: Self.api).status == 404)
        let after = try await world.client.send("GET", network(world) + "/outboundRules", apiVersion: Self.api)
        #expect(after.json?["value"]?.arrayValue?.count == 3)
    }

    @Test func onlyTheDefaultNetworkAndAnExistingAccount() async throws {
        let world = try World()
        try await world.createGroup()
        try await world.createAccount("mn1", subdomain: "mn1")
        let other = try await world.client.send(
            "PUT", world.account("mn1") + "/managedNetworks/other", apiVersion: Self.api,
            body: #"{"properties":{"managedNetwork":{"isolationMode":"AllowInternetOutbound"}}}"#)
        #expect(other.status == 400)
        let badMode = try await world.client.send(
            "PUT", network(world), apiVersion: Self.api, body: #"{"properties":{"managedNetwork":{"isolationMode":"Open"}}}"#)
        #expect(badMode.status == 400)
        let noAccount = try await world.client.send("GET", network(world, "nope"), apiVersion: Self.api)
        #expect(noAccount.status == 404)
        #expect(noAccount.code == "ParentResourceNotFound")
        let patchMissing = try await world.client.send(
            "PATCH", network(world), apiVersion: Self.api,
            body: #"{"properties":{"managedNetwork":{"isolationMode":"AllowInternetOutbound"}}}"#)
        #expect(patchMissing.status == 404)
    }
}
