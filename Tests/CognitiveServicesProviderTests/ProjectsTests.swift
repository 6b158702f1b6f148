import ARMCore
import Testing

@testable import CognitiveServicesProvider

@Suite("CognitiveServices projects, connections and raiPolicies")
struct ProjectsTests {
    typealias World = CognitiveServicesTestWorld

    func world() async throws -> World {
        let world = try World()
        try await world.createGroup()
        try await world.createAccount("hub", subdomain: "hubdomain")
        return world
    }

    @Test func firstProjectIsDefaultAndTheAccountTracksProjects() async throws {
        let world = try await world()
        let created = try await world.client.send(
            "PUT", world.account("hub") + "/projects/p1",
            body: #"{"location":"East US","properties":{"displayName":"P1","description":"d"},"identity":{"type":"SystemAssigned"}}"#)
        #expect(created.status == 201)
        #expect(created.json?["name"]?.stringValue == "hub/p1")
        #expect(created.json?["type"]?.stringValue == "Microsoft.CognitiveServices/accounts/projects")
        #expect(created.json?["location"]?.stringValue == "eastus")
        #expect(created.json?["identity"]?["principalId"] != nil)
        #expect(created.properties?["isDefault"]?.boolValue == true)
        #expect(created.properties?["displayName"]?.stringValue == "P1")
        #expect(
            created.properties?["endpoints"]?["AI Foundry API"]?.stringValue
                == "https://localhost:8443/dataplane/hubdomain.services.ai.azure.com/api/projects/p1")
        let second = try await world.client.send(
            "PUT", world.account("hub") + "/projects/p2", body: #"{"location":"eastus","properties":{}}"#)
        #expect(second.status == 201)
        #expect(second.properties?["isDefault"]?.boolValue == false)
        let account = try await world.client.send("GET", world.account("hub"))
        #expect(account.properties?["defaultProject"]?.stringValue == "p1")
        #expect(account.properties?["associatedProjects"] == ["p1", "p2"])

        let patched = try await world.client.send(
            "PATCH", world.account("hub") + "/projects/p2", body: #"{"properties":{"displayName":"Two"}}"#)
        #expect(patched.status == 200)
        #expect(patched.properties?["displayName"]?.stringValue == "Two")

        let defaultDelete = try await world.client.send("DELETE", world.account("hub") + "/projects/p1")
        #expect(defaultDelete.status == 400)
        #expect(try await world.client.send("DELETE", world.account("hub") + "/projects/p2").status == 204)
        #expect(try await world.client.send("DELETE", world.account("hub") + "/projects/p2").status == 204)
        #expect(try await world.client.send("DELETE", world.account("hub") + "/projects/p1").status == 204)
        let after = try await world.client.send("GET", world.account("hub"))
        #expect(after.properties?["associatedProjects"] == [])
        #expect(after.properties?["defaultProject"] == nil)
        let list = try await world.client.send("GET", world.account("hub") + "/projects")
        #expect(list.json?["value"] == [])
    }

    @Test func projectsNeedAllowProjectManagementOnAIServices() async throws {
        let world = try await world()
        try await world.createAccount("oai", kind: "OpenAI")
        let onOpenAI = try await world.client.send("PUT", world.account("oai") + "/projects/p1", body: #"{"location":"eastus"}"#)
        #expect(onOpenAI.status == 400)
        try await world.client.send("PATCH", world.account("hub"), body: #"{"properties":{"allowProjectManagement":false}}"#)
        let disabled = try await world.client.send("PUT", world.account("hub") + "/projects/p1", body: #"{"location":"eastus"}"#)
        #expect(disabled.status == 400)
        let elsewhere = try await world.client.send("PUT", world.account("oai") + "/projects/p1", body: #"{"location":"westus"}"#)
        #expect(elsewhere.status == 400)
    }

    @Test func connectionsKeepCredentialsWriteOnly() async throws {
        let world = try await world()
        let base = world.account("hub") + "/connections/conn1"
        let put = try await world.client.send(
            "PUT", base,
            body: #"{"properties":{"authType":"ApiKey","category":"AzureOpenAI","target":"https://x","credentials":{"key":"s3cret"}}}"#)
        #expect(put.status == 200)
        #expect(put.properties?["credentials"] == nil)
        #expect(put.json?["type"]?.stringValue == "Microsoft.CognitiveServices/accounts/connections")
        #expect(try await world.client.send("GET", base).properties?["credentials"] == nil)
        let secrets = try await world.client.send("POST", base + "/listsecrets")
        #expect(secrets.properties?["credentials"]?["key"]?.stringValue == "s3cret")
        let again = try await world.client.send(
            "PUT", base,
            body: #"{"properties":{"authType":"ApiKey","category":"AzureOpenAI","target":"https://x","credentials":{"key":"s3cret"}}}"#)
        #expect(again.status == 200)
        let patched = try await world.client.send("PATCH", base, body: #"{"properties":{"target":"https://y"}}"#)
        #expect(patched.properties?["target"]?.stringValue == "https://y")
        #expect(try await world.client.send("POST", base + "/listsecrets").properties?["credentials"]?["key"]?.stringValue == "s3cret")

        let noAuth = try await world.client.send(
            "PUT", world.account("hub") + "/connections/conn2", body: #"{"properties":{"category":"AzureOpenAI"}}"#)
        #expect(noAuth.status == 400)
        let badName = try await world.client.send(
            "PUT", world.account("hub") + "/connections/ab", body: #"{"properties":{"authType":"None"}}"#)
        #expect(badName.status == 400)
        try await world.client.send(
            "PUT", world.account("hub") + "/connections/conn3", body: #"{"properties":{"authType":"None","category":"CognitiveSearch"}}"#)
        let filtered = try await world.client.send("GET", world.account("hub") + "/connections?category=CognitiveSearch")
        #expect(filtered.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["conn3"])
        #expect(try await world.client.send("DELETE", base).status == 200)
        #expect(try await world.client.send("DELETE", base).status == 204)
    }

    @Test func projectConnectionsLiveUnderTheProject() async throws {
        let world = try await world()
        let missing = try await world.client.send(
            "PUT", world.account("hub") + "/projects/p1/connections/conn1", body: #"{"properties":{"authType":"None"}}"#)
        #expect(missing.status == 404)
        try await world.client.send("PUT", world.account("hub") + "/projects/p1", body: #"{"location":"eastus"}"#)
        let put = try await world.client.send(
            "PUT", world.account("hub") + "/projects/p1/connections/conn1",
            body: #"{"properties":{"authType":"AccessKey","credentials":{"accessKeyId":"id","secretAccessKey":"k"}}}"#)
        #expect(put.status == 200)
        #expect(put.json?["type"]?.stringValue == "Microsoft.CognitiveServices/accounts/projects/connections")
        #expect(
            try await world.client.send("POST", world.account("hub") + "/projects/p1/connections/conn1/listsecrets").properties?[
                "credentials"]?[
                    "secretAccessKey"]?.stringValue == "k")
    }

    @Test func raiPoliciesHaveBuiltInsAndCustomOnesBackDeployments() async throws {
        let world = try await world()
        let list = try await world.client.send("GET", world.account("hub") + "/raiPolicies")
        #expect(list.json?["value"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Microsoft.Default", "Microsoft.DefaultV2"])
        let builtIn = try await world.client.send("GET", world.account("hub") + "/raiPolicies/Microsoft.DefaultV2")
        #expect(builtIn.properties?["type"]?.stringValue == "SystemManaged")
        #expect(try await world.client.send("DELETE", world.account("hub") + "/raiPolicies/Microsoft.Default").status == 400)
        #expect(
            try await world.client.send("PUT", world.account("hub") + "/raiPolicies/Microsoft.Default", body: #"{"properties":{}}"#).status
                == 400)

        let created = try await world.client.send(
            "PUT", world.account("hub") + "/raiPolicies/strict",
            body:
                #"{"properties":{"mode":"blocking","contentFilters":[{"name":"Hate","enabled":true,"blocking":true,"severityThreshold":"Low","source":"Prompt"}]}}"#
        )
        #expect(created.status == 201)
        #expect(created.properties?["mode"]?.stringValue == "Blocking")
        #expect(created.properties?["type"]?.stringValue == "UserManaged")
        #expect(try await world.client.send("PUT", world.account("hub") + "/raiPolicies/strict", body: #"{"properties":{}}"#).status == 200)
        let deployment = try await world.deploy("hub", "d1", extra: #""raiPolicyName":"strict""#)
        #expect(deployment.status == 201)
        #expect(deployment.properties?["raiPolicyName"]?.stringValue == "strict")
        let patched = try await world.client.send(
            "PATCH", world.account("hub") + "/deployments/d1", body: #"{"properties":{"raiPolicyName":"Microsoft.Default"}}"#)
        #expect(patched.properties?["raiPolicyName"]?.stringValue == "Microsoft.Default")
        #expect(try await world.client.send("DELETE", world.account("hub") + "/raiPolicies/strict").status == 204)
        #expect(try await world.client.send("GET", world.account("hub") + "/raiPolicies/strict").status == 404)
    }
}
