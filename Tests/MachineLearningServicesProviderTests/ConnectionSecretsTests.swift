import ARMCore
import ARMTestSupport
import Foundation
import Identity
import JSON
import Testing

@testable import MachineLearningServicesProvider

/// Connection secrets go to the hub's key vault over Key Vault's data plane, as the ML service's
/// first-party principal (docs/hubs-and-projects.md "Resources the ML service creates").
@Suite("ML connection secrets over Key Vault's data plane")
struct ConnectionSecretsTests {
    static let aoai =
        #"{"properties":{"category":"AzureOpenAI","authType":"ApiKey","target":"https://a.openai.azure.com/","#
        + #""credentials":{"key":"s3cret"}}}"#
    static let secretsUser = "4633458b-17de-408a-b874-0445c86b69e6"

    func connection(_ name: String = "aoai") -> String { MLTestWorld.workspace("hub1") + "/connections/" + name }

    /// The hub's vault name and a token of a Key Vault Secrets User on it.
    func reader(_ world: MLTestWorld, hub: TestClient.Reply) async throws -> (vault: String, token: String) {
        let vault = try #require(ResourceID(hub.properties?["keyVault"]?.stringValue ?? ""))
        let principal = world.directory.createServicePrincipal(displayName: "reader")
        let assigned = try await world.client.send(
            "PUT", vault.description + "/providers/Microsoft.Authorization/roleAssignments/" + newGUID(), apiVersion: "2022-04-01",
            body:
                #"{"properties":{"roleDefinitionId":"/subscriptions/\#(MLTestWorld.subscription)/providers/Microsoft.Authorization/roleDefinitions/\#(Self.secretsUser)","principalId":"\#(principal.objectId)"}}"#
        )
        #expect(assigned.status == 201)
        return (vault.name, world.base.identity.issueToken(for: .servicePrincipal(principal), audience: "https://vault.azure.net"))
    }

    func secretName(_ world: MLTestWorld, _ connectionPath: String) -> String {
        "connection-" + DeterministicGUID.make(ResourceID(connectionPath)!.key)
    }

    func getSecret(_ world: MLTestWorld, vault: String, name: String, token: String) async throws -> TestClient.Reply {
        try await TestClient(apiVersion: "7.5") { await world.keyVault.handle($0) }.send(
            "GET", "/dataplane/\(vault).vault.azure.net/secrets/\(name)", token: token)
    }

    @Test func theCredentialsAreASecretReadableOverTheDataPlaneAndGoWithTheConnection() async throws {
        // Given RBAC enforced, a hub and a Secrets User on its vault.
        let world = try MLTestWorld(enforceRBAC: true)
        let hub = try await world.createHub()
        let (vault, token) = try await reader(world, hub: hub)

        // When a connection with an API key is created.
        #expect(try await world.client.send("PUT", connection(), body: Self.aoai).status == 200)

        // Then the key is the value of secret connection-{guid}, as JSON, over the data plane.
        let secret = try await getSecret(world, vault: vault, name: secretName(world, connection()), token: token)
        #expect(secret.status == 200)
        #expect(secret.json?["value"]?.stringValue == #"{"key":"s3cret"}"#)
        #expect(secret.json?["contentType"]?.stringValue == "application/json")
        let stored = try #require(world.store.get(ResourceID(connection())!))
        #expect(stored.privateState["secretId"]?.stringValue == secret.json?["id"]?.stringValue)

        // When the connection is deleted, the secret goes with it.
        #expect(try await world.client.send("DELETE", connection()).status == 200)
        #expect(try await getSecret(world, vault: vault, name: secretName(world, connection()), token: token).status == 404)
    }

    @Test func aRefusedSecretWriteLeavesNoConnectionAndKeepsOldCredentials() async throws {
        let world = try MLTestWorld()
        let hub = try await world.createHub()
        let vault = try #require(ResourceID(hub.properties?["keyVault"]?.stringValue ?? ""))
        try world.faults.add(
            FaultRule(id: "no-set", method: "PUT", path: "/dataplane/*/secrets/*", status: 403, code: "Forbidden", message: "refused"))

        // A new connection: refused, nothing written.
        let refused = try await world.client.send("PUT", connection(), body: Self.aoai)
        #expect(refused.status == 403)
        #expect(refused.json?["error"]?["code"]?.stringValue == "Forbidden")
        #expect(try await world.client.send("GET", connection()).status == 404)
        #expect(world.store.all(under: vault, types: ["Microsoft.KeyVault/vaults/secrets"]).isEmpty)

        // An existing connection given new credentials: refused, the old ones stay.
        _ = world.faults.remove(id: "no-set")
        #expect(try await world.client.send("PUT", connection(), body: Self.aoai).status == 200)
        try world.faults.add(
            FaultRule(id: "no-set", method: "PUT", path: "/dataplane/*/secrets/*", status: 500, code: "InternalServerError"))
        let update = Self.aoai.replacingOccurrences(of: "s3cret", with: "n3w").replacingOccurrences(of: "a.openai", with: "b.openai")
        #expect(try await world.client.send("PUT", connection(), body: update).status == 500)
        let secrets = try await world.client.send("POST", connection() + "/listsecrets")
        #expect(secrets.properties?["credentials"]?["key"]?.stringValue == "s3cret")
        #expect(secrets.properties?["target"]?.stringValue == "https://a.openai.azure.com/")
    }

    @Test func aSecretVersionSetForAFailedWriteIsNotServed() async throws {
        // Given a connection and a PUT with new credentials whose If-Match fails after... nothing:
        // the precondition is checked before the vault is written.
        let world = try MLTestWorld()
        let hub = try await world.createHub()
        let vault = try #require(ResourceID(hub.properties?["keyVault"]?.stringValue ?? ""))
        #expect(try await world.client.send("PUT", connection(), body: Self.aoai).status == 200)
        let update = Self.aoai.replacingOccurrences(of: "s3cret", with: "n3w")
        let stale = try await world.client.send("PUT", connection(), body: update, headers: [("If-Match", "\"stale\"")])
        #expect(stale.status == 412)
        let secret = try #require(world.store.all(under: vault, types: ["Microsoft.KeyVault/vaults/secrets"]).first)
        #expect(secret.privateState["versions"]?.arrayValue?.isEmpty == true)
        let secrets = try await world.client.send("POST", connection() + "/listsecrets")
        #expect(secrets.properties?["credentials"]?["key"]?.stringValue == "s3cret")
    }

    @Test func aRefusedSecretDeleteKeepsTheConnection() async throws {
        let world = try MLTestWorld()
        _ = try await world.createHub()
        #expect(try await world.client.send("PUT", connection(), body: Self.aoai).status == 200)
        try world.faults.add(
            FaultRule(id: "no-delete", method: "DELETE", path: "/dataplane/*/secrets/*", status: 403, code: "Forbidden", message: "no"))

        #expect(try await world.client.send("DELETE", connection()).status == 403)

        let secrets = try await world.client.send("POST", connection() + "/listsecrets")
        #expect(secrets.status == 200)
        #expect(secrets.properties?["credentials"]?["key"]?.stringValue == "s3cret")
    }

    @Test func removingTheCredentialsDeletesTheSecret() async throws {
        let world = try MLTestWorld()
        let hub = try await world.createHub()
        let vault = try #require(ResourceID(hub.properties?["keyVault"]?.stringValue ?? ""))
        #expect(try await world.client.send("PUT", connection(), body: Self.aoai).status == 200)
        let none = #"{"properties":{"category":"AzureOpenAI","authType":"None","target":"https://a.openai.azure.com/"}}"#
        #expect(try await world.client.send("PUT", connection(), body: none).status == 200)
        #expect(world.store.all(under: vault, types: ["Microsoft.KeyVault/vaults/secrets"]).isEmpty)
        let secrets = try await world.client.send("POST", connection() + "/listsecrets")
        #expect(secrets.properties?["credentials"] == nil)
    }
}
