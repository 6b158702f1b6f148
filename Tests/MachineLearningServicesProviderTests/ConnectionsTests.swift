import ARMCore
import Foundation
import JSON
import Testing

@testable import MachineLearningServicesProvider

@Suite("ML connections")
struct ConnectionsTests {
    static let aoai =
        #"{"properties":{"category":"AzureOpenAI","authType":"ApiKey","target":"https://a.openai.azure.com/","#
        + #""isSharedToAll":true,"credentials":{"key":"s3cret"},"metadata":{"ApiType":"Azure"}}}"#

    func connection(_ workspace: String, _ name: String) -> String { MLTestWorld.workspace(workspace) + "/connections/" + name }

    @Test func secretsAreWriteOnlyAndKeptInTheHubsKeyVault() async throws {
        let world = try MLTestWorld()
        let hub = try await world.createHub()
        let put = try await world.client.send("PUT", connection("hub1", "aoai"), body: Self.aoai)
        #expect(put.status == 200)
        #expect(put.properties?["credentials"] == nil)
        #expect(put.properties?["authType"]?.stringValue == "ApiKey")
        #expect(put.properties?["group"]?.stringValue == "AzureAI")
        #expect(put.properties?["createdByWorkspaceArmId"]?.stringValue == MLTestWorld.workspace("hub1"))
        #expect(put.json?["type"]?.stringValue == "Microsoft.MachineLearningServices/workspaces/connections")
        #expect(put.json?["systemData"] != nil)

        let get = try await world.client.send("GET", connection("hub1", "aoai"))
        #expect(get.properties?["credentials"] == nil)
        let list = try await world.client.send("GET", MLTestWorld.workspace("hub1") + "/connections")
        #expect(list.json?["value"]?[0]?["properties"]?["credentials"] == nil)

        let secrets = try await world.client.send("POST", connection("hub1", "aoai") + "/listsecrets")
        #expect(secrets.status == 200)
        #expect(secrets.properties?["credentials"]?["key"]?.stringValue == "s3cret")

        // The value lives in a secret of the hub's vault, not beside the connection.
        let vault = try #require(ResourceID(hub.properties?["keyVault"]?.stringValue ?? ""))
        let stored = world.store.all(under: vault, types: ["Microsoft.KeyVault/vaults/secrets"])
        #expect(stored.count == 1)
        #expect(stored.first?.privateState["value"]?.stringValue?.contains("s3cret") == true)
        let storedConnection = try #require(world.store.get(ResourceID(connection("hub1", "aoai"))!))
        #expect(JSONValue.object(storedConnection.body).compactString.contains("s3cret") == false)
        // ARM's view of the secret has no value either.
        let secret = try await world.client.send("GET", stored[0].id.description, apiVersion: "2023-07-01")
        #expect(secret.status == 200)
        #expect(secret.json?.compactString.contains("s3cret") == false)

        // PUT without credentials (a GET-modify-PUT) keeps the key; DELETE removes the secret.
        _ = try await world.client.send(
            "PUT", connection("hub1", "aoai"),
            body: #"{"properties":{"category":"AzureOpenAI","authType":"ApiKey","target":"https://b.openai.azure.com/"}}"#)
        let after = try await world.client.send("POST", connection("hub1", "aoai") + "/listsecrets")
        #expect(after.properties?["credentials"]?["key"]?.stringValue == "s3cret")
        #expect(after.properties?["target"]?.stringValue == "https://b.openai.azure.com/")
        #expect(try await world.client.send("DELETE", connection("hub1", "aoai")).status == 200)
        #expect(world.store.all(under: vault, types: ["Microsoft.KeyVault/vaults/secrets"]).isEmpty)
        #expect(try await world.client.send("DELETE", connection("hub1", "aoai")).status == 204)
    }

    @Test func hubConnectionsAreSharedWithProjectsButReadOnlyThere() async throws {
        let world = try MLTestWorld()
        try await world.createHub()
        try await world.createProject()
        try await world.createProject("proj2")
        _ = try await world.client.send("PUT", connection("hub1", "shared"), body: Self.aoai)
        _ = try await world.client.send(
            "PUT", connection("hub1", "private"),
            body: #"{"properties":{"category":"CognitiveSearch","authType":"AAD","target":"https://s","isSharedToAll":false}}"#)
        _ = try await world.client.send(
            "PUT", connection("proj1", "mine"),
            body: #"{"properties":{"category":"CustomKeys","authType":"CustomKeys","credentials":{"keys":{"a":"1"}}}}"#)

        let list = try await world.client.send("GET", MLTestWorld.workspace("proj1") + "/connections")
        #expect(list.names == ["mine", "shared"])
        let shared = list.json?["value"]?.arrayValue?.first { $0["name"]?.stringValue == "shared" }
        #expect(shared?["id"]?.stringValue == connection("hub1", "shared"))
        #expect(shared?["properties"]?["createdByWorkspaceArmId"]?.stringValue == MLTestWorld.workspace("hub1"))
        // Project connections stay in their project.
        #expect(try await world.client.send("GET", MLTestWorld.workspace("proj2") + "/connections").names == ["shared"])
        #expect(try await world.client.send("GET", connection("proj2", "mine")).status == 404)

        // Readable through the project path, secrets included.
        #expect(try await world.client.send("GET", connection("proj1", "shared")).status == 200)
        let secrets = try await world.client.send("POST", connection("proj1", "shared") + "/listsecrets")
        #expect(secrets.properties?["credentials"]?["key"]?.stringValue == "s3cret")
        #expect(try await world.client.send("GET", connection("proj1", "private")).code == "NotFound")

        // Not writable through it.
        let put = try await world.client.send("PUT", connection("proj1", "shared"), body: Self.aoai)
        #expect(put.status == 409)
        #expect(put.message?.contains("can only be changed or deleted through the hub") == true)
        #expect(try await world.client.send("DELETE", connection("proj1", "shared")).status == 409)
        #expect(try await world.client.send("PATCH", connection("proj1", "shared"), body: #"{"properties":{"target":"x"}}"#).status == 409)

        // A hub-private connection's name is free for a project connection of its own.
        let ownPrivate = try await world.client.send(
            "PUT", connection("proj1", "private"),
            body: #"{"properties":{"category":"CognitiveSearch","authType":"AAD","target":"https://p"}}"#)
        #expect(ownPrivate.status == 200)
        #expect(ownPrivate.json?["id"]?.stringValue == connection("proj1", "private"))

        // A project's secret goes to the hub's vault too.
        let mine = try await world.client.send("POST", connection("proj1", "mine") + "/listsecrets")
        #expect(mine.properties?["credentials"]?["keys"]?["a"]?.stringValue == "1")
    }

    @Test func listFiltersPagesAndPatchMerges() async throws {
        let world = try MLTestWorld()
        try await world.createHub()
        for (name, category) in [("cn1", "AzureOpenAI"), ("cn2", "CognitiveSearch"), ("cn3", "AzureOpenAI")] {
            _ = try await world.client.send(
                "PUT", connection("hub1", name),
                body: #"{"properties":{"category":"\#(category)","authType":"AAD","target":"t-\#(name)"}}"#)
        }
        let filtered = try await world.client.send("GET", MLTestWorld.workspace("hub1") + "/connections?category=azureopenai")
        #expect(filtered.names == ["cn1", "cn3"])
        #expect(try await world.client.send("GET", MLTestWorld.workspace("hub1") + "/connections?target=t-cn2").names == ["cn2"])
        let page = try await world.client.send("GET", MLTestWorld.workspace("hub1") + "/connections?$top=2")
        #expect(page.names == ["cn1", "cn2"])
        #expect(page.json?["nextLink"]?.stringValue != nil)

        let patched = try await world.client.send("PATCH", connection("hub1", "cn1"), body: #"{"properties":{"target":"new"}}"#)
        #expect(patched.status == 200)
        #expect(patched.properties?["target"]?.stringValue == "new")
        #expect(patched.properties?["category"]?.stringValue == "AzureOpenAI")
        // `metadata` is always answered, `{}` when none was sent (azure-ai-ml needs it).
        #expect(patched.properties?["metadata"] == .object(JSONObject()))
    }

    @Test func badConnectionsAreRefused() async throws {
        let world = try MLTestWorld()
        try await world.createHub()
        let noAuth = try await world.client.send("PUT", connection("hub1", "cn1"), body: #"{"properties":{"category":"AzureOpenAI"}}"#)
        #expect(noAuth.status == 400)
        #expect(noAuth.json?["error"]?["target"]?.stringValue == "properties.authType")
        let badAuth = try await world.client.send("PUT", connection("hub1", "cn1"), body: #"{"properties":{"authType":"Password"}}"#)
        #expect(badAuth.status == 400)
        let noProperties = try await world.client.send("PUT", connection("hub1", "cn1"), body: #"{}"#)
        #expect(noProperties.status == 400)
        let badName = try await world.client.send("PUT", connection("hub1", "c!"), body: #"{"properties":{"authType":"AAD"}}"#)
        #expect(badName.status == 400)
        let noWorkspace = try await world.client.send("PUT", connection("nope", "cn1"), body: #"{"properties":{"authType":"AAD"}}"#)
        #expect(noWorkspace.status == 404)
        #expect(try await world.client.send("GET", MLTestWorld.workspace("hub1") + "/connections").names.isEmpty)
    }
}
