import ARMCore
import Foundation
import Testing

@testable import MachineLearningServicesProvider

@Suite("ML outbound rules, computes, endpoints, actions")
struct WorkspaceChildrenTests {
    @Test func outboundRulesMirrorTheManagedNetworkAndAreRefusedOnProjects() async throws {
        let world = try MLTestWorld()
        try await world.createHub(extra: #","managedNetwork":{"isolationMode":"AllowOnlyApprovedOutbound"}"#)
        try await world.createProject()
        let rule = MLTestWorld.workspace("hub1") + "/outboundRules/pypi"
        let put = try await world.client.send("PUT", rule, body: #"{"properties":{"type":"fqdn","destination":"*.pypi.org"}}"#)
        #expect(put.status == 200)
        #expect(put.json?["type"]?.stringValue == "Microsoft.MachineLearningServices/workspaces/outboundRules")
        #expect(put.properties?["type"]?.stringValue == "FQDN")
        #expect(put.properties?["category"]?.stringValue == "UserDefined")
        #expect(put.properties?["status"]?.stringValue == "Inactive")
        #expect(put.json?["systemData"] != nil)
        let hub = try await world.client.send("GET", MLTestWorld.workspace("hub1"))
        #expect(hub.properties?["managedNetwork"]?["outboundRules"]?["pypi"]?["destination"]?.stringValue == "*.pypi.org")
        // Through the project: readable, not writable.
        #expect(try await world.client.send("GET", MLTestWorld.workspace("proj1") + "/outboundRules").names == ["pypi"])
        let refused = try await world.client.send(
            "PUT", MLTestWorld.workspace("proj1") + "/outboundRules/x1x", body: #"{"properties":{"type":"FQDN","destination":"a"}}"#)
        #expect(refused.status == 400)
        #expect(refused.message == "Project workspace shouldn't define it's own managed network properties.")
        // provisionManagedNetwork activates the network and the rules; refused on projects.
        let provisioned = try await world.client.send(
            "POST", MLTestWorld.workspace("hub1") + "/provisionManagedNetwork", body: #"{"includeSpark":true}"#)
        #expect(provisioned.json == ["status": "Active", "sparkReady": true])
        #expect(try await world.client.send("GET", rule).properties?["status"]?.stringValue == "Active")
        #expect(try await world.client.send("POST", MLTestWorld.workspace("proj1") + "/provisionManagedNetwork").status == 400)
        let bad = try await world.client.send("PUT", rule, body: #"{"properties":{"type":"Tunnel","destination":"x"}}"#)
        #expect(bad.status == 400)
        #expect(try await world.client.send("DELETE", rule).status == 200)
        #expect(try await world.client.send("DELETE", rule).status == 204)
        #expect(try await world.client.send("GET", rule).status == 404)
    }

    @Test func computeInstancesStartStopAndAreSharedWithProjects() async throws {
        let world = try MLTestWorld()
        try await world.createHub()
        try await world.createProject()
        let compute = MLTestWorld.workspace("hub1") + "/computes/ci1"
        let created = try await world.client.send(
            "PUT", compute, body: #"{"properties":{"computeType":"ComputeInstance","properties":{"vmSize":"STANDARD_DS11_V2"}}}"#)
        #expect(created.status == 201)
        #expect(created.json?["location"]?.stringValue == "eastus")
        #expect(created.properties?["provisioningState"]?.stringValue == "Succeeded")
        #expect(created.properties?["properties"]?["state"]?.stringValue == "Running")

        let stop = try await world.client.send("POST", MLTestWorld.workspace("proj1") + "/computes/ci1/stop")
        #expect(stop.status == 202)
        #expect(stop.headers["Location"] != nil)
        #expect(stop.headers["Retry-After"] == "1")
        #expect(try await world.client.send("GET", compute).properties?["properties"]?["state"]?.stringValue == "Stopped")
        #expect(try await world.client.send("POST", compute + "/stop").status == 409)
        #expect(try await world.client.send("POST", compute + "/start").status == 202)
        #expect(try await world.client.send("POST", compute + "/restart").status == 202)
        #expect(try await world.client.send("GET", compute).properties?["properties"]?["state"]?.stringValue == "Running")
        #expect(try await world.client.send("GET", MLTestWorld.workspace("proj1") + "/computes").names == ["ci1"])

        let cluster = try await world.client.send(
            "PUT", MLTestWorld.workspace("hub1") + "/computes/cl1", body: #"{"properties":{"computeType":"AmlCompute"}}"#)
        #expect(cluster.status == 501)
        #expect(try await world.client.send("DELETE", compute).status == 400)
        #expect(try await world.client.send("DELETE", compute + "?underlyingResourceAction=Delete").status == 200)
        #expect(try await world.client.send("DELETE", compute + "?underlyingResourceAction=Delete").status == 204)
    }

    @Test func serverlessAndOnlineEndpointsHaveMinimalCRUD() async throws {
        let world = try MLTestWorld()
        try await world.createHub()
        try await world.createProject()
        let serverless = MLTestWorld.workspace("proj1") + "/serverlessEndpoints/llama-ep"
        let created = try await world.client.send(
            "PUT", serverless,
            body: #"{"location":"eastus","sku":{"name":"Consumption"},"properties":{"authMode":"key","#
                + #""modelSettings":{"modelId":"azureml://registries/azureml-meta/models/Llama-2-7b"}}}"#)
        #expect(created.status == 201)
        #expect(created.properties?["authMode"]?.stringValue == "Key")
        #expect(created.properties?["inferenceEndpoint"]?["uri"]?.stringValue == "https://llama-ep.eastus.models.ai.azure.com")
        #expect(
            try await world.client.send("PUT", serverless, body: #"{"location":"eastus","properties":{"authMode":"Key"}}"#).status == 200)
        let keys = try await world.client.send("POST", serverless + "/listKeys")
        let primary = try #require(keys.json?["primaryKey"]?.stringValue)
        let regenerated = try await world.client.send("POST", serverless + "/regenerateKeys", body: #"{"keyType":"Primary"}"#)
        #expect(regenerated.json?["primaryKey"]?.stringValue != primary)
        #expect(regenerated.json?["secondaryKey"] == keys.json?["secondaryKey"])
        #expect(
            try await world.client.send("PUT", serverless, body: #"{"location":"eastus","properties":{"authMode":"Token"}}"#).status == 400)
        #expect(try await world.client.send("GET", MLTestWorld.workspace("proj1") + "/serverlessEndpoints").names == ["llama-ep"])
        #expect(try await world.client.send("DELETE", serverless).status == 202)
        #expect(try await world.client.send("GET", serverless).status == 404)
        #expect(try await world.client.send("DELETE", serverless).status == 204)

        let online = MLTestWorld.workspace("hub1") + "/onlineEndpoints/ep1"
        let onlineCreated = try await world.client.send("PUT", online, body: #"{"location":"eastus","properties":{"authMode":"AADToken"}}"#)
        #expect(onlineCreated.status == 201)
        #expect(onlineCreated.properties?["scoringUri"]?.stringValue == "https://ep1.eastus.inference.ml.azure.com/score")
        let patched = try await world.client.send("PATCH", online, body: #"{"tags":{"a":"b"},"properties":{"description":"d"}}"#)
        #expect(patched.json?["tags"]?["a"]?.stringValue == "b")
        #expect(patched.properties?["description"]?.stringValue == "d")
        #expect(try await world.client.send("GET", online + "/deployments").status == 501)
        #expect(try await world.client.send("POST", online + "/token").status == 501)
    }

    @Test func workspaceActionsAnswerSimplyAndHonestly() async throws {
        let world = try MLTestWorld()
        let hub = try await world.createHub()
        try await world.createProject()
        let keys = try await world.client.send("POST", MLTestWorld.workspace("hub1") + "/listKeys")
        #expect(keys.status == 200)
        // Azure Storage's identifiable key: 88 base64 characters with `+ASt` at 76-79.
        let storageKey = try #require(keys.json?["userStorageKey"]?.stringValue)
        #expect(storageKey.range(of: #"^[A-Za-z0-9+/]{76}\+ASt[A-Za-z0-9+/]{5}[AQgw]==$"#, options: .regularExpression) != nil)
        #expect(keys.json?["userStorageArmId"] == hub.properties?["storageAccount"])
        #expect(keys.json?["userStorageResourceId"] == hub.properties?["storageAccount"])
        // A project reads its hub's storage key.
        let projectKeys = try await world.client.send("POST", MLTestWorld.workspace("proj1") + "/listKeys")
        #expect(projectKeys.json?["userStorageKey"] == keys.json?["userStorageKey"])
        #expect(try await world.client.send("POST", MLTestWorld.workspace("hub1") + "/resyncKeys").status == 200)
        let diagnose = try await world.client.send("POST", MLTestWorld.workspace("hub1") + "/diagnose", body: #"{"value":{}}"#)
        #expect(diagnose.json?["value"]?["keyVaultResults"] == [])
        let notebook = try await world.client.send("POST", MLTestWorld.workspace("hub1") + "/listNotebookKeys")
        #expect(notebook.status == 501)
        #expect(notebook.code == "NotImplemented")
        #expect(try await world.client.send("POST", MLTestWorld.workspace("nope") + "/listKeys").status == 404)
    }
}
