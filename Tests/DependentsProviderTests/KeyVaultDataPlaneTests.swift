import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Foundation
import Identity
import ProviderTestSupport
import Testing

@testable import DependentsProvider

/// Key Vault's secrets data plane (docs/dataplane.md "Key Vault secrets"): the chain `Emulator.init`
/// builds, real tokens from the token service, RBAC data actions from role assignments made over ARM.
@Suite("Key Vault secrets data plane")
struct KeyVaultDataPlaneTests {
    static let group = ARMPath.group("rg1")
    static let vaultPath = group + "/providers/Microsoft.KeyVault/vaults/kv1"
    static let prefix = "/dataplane/kv1.vault.azure.net"
    static let officer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7"
    static let user = "4633458b-17de-408a-b874-0445c86b69e6"
    static let owner = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"

    struct World: ProviderWorld {
        let base: ProviderTestWorld
        let arm: TestClient
        let vault: TestClient
        let keyVault: KeyVaultDataPlane

        init(rbac: Bool = true) async throws {
            base = try ProviderTestWorld()
            let dependents = DependentsProvider(store: base.store)
            arm = ProviderTestWorld.client(base.pipeline(routes: dependents.routes + base.authorization.routes), apiVersion: "2023-07-01")
            let keyVault = base.keyVault(dependents, rbac: rbac)
            self.keyVault = keyVault
            vault = TestClient(apiVersion: "7.5", pathPrefix: KeyVaultDataPlaneTests.prefix) { await keyVault.handle($0) }
            try base.store.put(ResourceID(KeyVaultDataPlaneTests.group)!, body: ["name": "rg1"])
            let created = try await arm.send("PUT", KeyVaultDataPlaneTests.vaultPath, body: #"{"location":"eastus"}"#)
            precondition(created.status == 201, "vault: \(created.status)")
        }

        /// A new service principal holding `role` at `scope` (none when nil), and its token for `audience`.
        func principal(
            role: String?, at scope: String = KeyVaultDataPlaneTests.vaultPath, audience: String = "https://vault.azure.net"
        ) async throws -> String {
            let principal = base.directory.createServicePrincipal(displayName: "kv-tester")
            if let role {
                let assignment = try await arm.send(
                    "PUT", scope + "/providers/Microsoft.Authorization/roleAssignments/" + newGUID(), apiVersion: "2022-04-01",
                    body:
                        #"{"properties":{"roleDefinitionId":"\#(ARMPath.subscription())/providers/Microsoft.Authorization/roleDefinitions/\#(role)","principalId":"\#(principal.objectId)"}}"#
                )
                precondition(assignment.status == 201, "assignment: \(assignment.status)")
            }
            return base.identity.issueToken(for: .servicePrincipal(principal), audience: audience)
        }
    }

    @Test func setGetVersionsListAndDelete() async throws {
        // Given a Secrets Officer on the vault.
        let world = try await World()
        let token = try await world.principal(role: Self.officer)

        // When it sets a secret twice.
        let first = try await world.vault.send(
            "PUT", "/secrets/s1", body: #"{"value":"one","contentType":"text/plain","tags":{"a":"b"}}"#, token: token)
        let second = try await world.vault.send("PUT", "/secrets/s1", body: #"{"value":"two"}"#, token: token)

        // Then each answer is a SecretBundle of a new version.
        #expect(first.status == 200)
        let firstID = try #require(first.json?["id"]?.stringValue)
        #expect(firstID.hasPrefix("https://kv1.vault.azure.net/secrets/s1/"))
        #expect(firstID.split(separator: "/").last?.count == 32)
        #expect(first.json?["value"]?.stringValue == "one")
        #expect(first.json?["contentType"]?.stringValue == "text/plain")
        #expect(first.json?["tags"]?["a"]?.stringValue == "b")
        #expect(first.json?["attributes"]?["enabled"]?.boolValue == true)
        #expect(first.json?["attributes"]?["recoveryLevel"]?.stringValue == "Purgeable")
        let secondID = try #require(second.json?["id"]?.stringValue)
        #expect(secondID != firstID)
        // The latest version, and the first one by its version.
        let latest = try await world.vault.send("GET", "/secrets/s1", token: token)
        #expect(latest.status == 200)
        #expect(latest.json?["value"]?.stringValue == "two")
        #expect(latest.json?["id"]?.stringValue == secondID)
        let old = try await world.vault.send("GET", "/secrets/s1/" + String(firstID.split(separator: "/").last!), token: token)
        #expect(old.json?["value"]?.stringValue == "one")
        let versions = try await world.vault.send("GET", "/secrets/s1/versions", token: token)
        #expect(versions.json?["value"]?.arrayValue?.count == 2)
        // The ARM view of the same secret: no value, the current version's URI.
        let arm = try await world.arm.send("GET", Self.vaultPath + "/secrets/s1")
        #expect(arm.status == 200)
        #expect(arm.json?["properties"]?["secretUriWithVersion"]?.stringValue == secondID)
        #expect(arm.body.count > 0 && !String(decoding: arm.body, as: UTF8.self).contains("two"))

        // When it deletes the secret, it is gone (purged at once: no recoveryId).
        let deleted = try await world.vault.send("DELETE", "/secrets/s1", token: token)
        #expect(deleted.status == 200)
        #expect(deleted.json?["id"]?.stringValue == secondID)
        #expect(deleted.json?["value"] == nil)
        #expect(deleted.json?["recoveryId"] == nil)
        let gone = try await world.vault.send("GET", "/secrets/s1", token: token)
        #expect(gone.status == 404)
        #expect(gone.json?["error"]?["code"]?.stringValue == "SecretNotFound")
        #expect(
            gone.json?["error"]?["message"]?.stringValue?.hasPrefix("A secret with (name/id) s1 was not found in this key vault.") == true)
        #expect(try await world.vault.send("DELETE", "/secrets/s1", token: token).status == 404)
        #expect(try await world.vault.send("GET", "/deletedsecrets/s1", token: token).status == 501)
    }

    @Test func listsPageWithNextLinkAndNoValues() async throws {
        let world = try await World()
        let token = try await world.principal(role: Self.officer)
        for index in 0..<5 {
            #expect(try await world.vault.send("PUT", "/secrets/s\(index)", body: #"{"value":"v\#(index)"}"#, token: token).status == 200)
        }
        var names: [String] = []
        var page = try await world.vault.send("GET", "/secrets?maxresults=2", token: token)
        while true {
            #expect(page.status == 200)
            for item in page.json?["value"]?.arrayValue ?? [] {
                #expect(item["value"] == nil)
                names.append(String(item["id"]?.stringValue?.split(separator: "/").last ?? ""))
            }
            guard let next = page.json?["nextLink"]?.stringValue else { break }
            #expect(next.hasPrefix("https://localhost:8443/dataplane/kv1.vault.azure.net/secrets?"))
            let target = String(next.dropFirst("https://localhost:8443".count))
            page = try await TestClient(apiVersion: "") { await world.keyVault.handle($0) }.send("GET", target, token: token)
        }
        #expect(names == ["s0", "s1", "s2", "s3", "s4"])
        #expect(try await world.vault.send("GET", "/secrets?maxresults=26", token: token).status == 400)
    }

    @Test func whoMayCall() async throws {
        let world = try await World()
        // No token: 401 with Key Vault's challenge.
        let anonymous = try await world.vault.send("GET", "/secrets/s1")
        #expect(anonymous.status == 401)
        #expect(anonymous.json?["error"]?["code"]?.stringValue == "Unauthorized")
        #expect(
            anonymous.header("WWW-Authenticate")
                == #"Bearer authorization="https://login.microsoftonline.com/\#(WellKnown.tenantId)", resource="https://vault.azure.net""#)
        // A token of another audience: 401.
        let management = try await world.principal(role: Self.officer, audience: "https://management.azure.com/")
        let wrongAudience = try await world.vault.send("GET", "/secrets/s1", token: management)
        #expect(wrongAudience.status == 401)
        #expect(wrongAudience.json?["error"]?["message"]?.stringValue?.hasPrefix("AKV10022: Invalid audience.") == true)
        #expect(try await world.vault.send("GET", "/secrets/s1", token: "not.a.token").status == 401)
        // A valid token without a role, and the Owner (no data actions): 403 ForbiddenByRbac.
        for role in [nil, Self.owner] {
            let token = try await world.principal(role: role)
            let denied = try await world.vault.send("PUT", "/secrets/s1", body: #"{"value":"x"}"#, token: token)
            #expect(denied.status == 403)
            #expect(denied.json?["error"]?["code"]?.stringValue == "Forbidden")
            #expect(denied.json?["error"]?["innererror"]?["code"]?.stringValue == "ForbiddenByRbac")
            #expect(denied.json?["error"]?["message"]?.stringValue?.contains("Microsoft.KeyVault/vaults/secrets/setSecret/action") == true)
        }
        #expect(world.store.get(ResourceID(Self.vaultPath + "/secrets/s1")!) == nil)
        // The Officer sets; the Secrets User reads but may not set or delete.
        let officer = try await world.principal(role: Self.officer)
        #expect(try await world.vault.send("PUT", "/secrets/s1", body: #"{"value":"x"}"#, token: officer).status == 200)
        let user = try await world.principal(role: Self.user)
        #expect(try await world.vault.send("GET", "/secrets/s1", token: user).json?["value"]?.stringValue == "x")
        #expect(try await world.vault.send("GET", "/secrets", token: user).status == 200)
        #expect(try await world.vault.send("PUT", "/secrets/s1", body: #"{"value":"y"}"#, token: user).status == 403)
        #expect(try await world.vault.send("DELETE", "/secrets/s1", token: user).status == 403)
        #expect(try await world.vault.send("GET", "/secrets/s1", token: officer).json?["value"]?.stringValue == "x")
        // A role on another vault's scope grants nothing here.
        let other = Self.group + "/providers/Microsoft.KeyVault/vaults/kv2"
        #expect(try await world.arm.send("PUT", other, body: #"{"location":"eastus"}"#).status == 201)
        let elsewhere = try await world.principal(role: Self.officer, at: other)
        #expect(try await world.vault.send("GET", "/secrets/s1", token: elsewhere).status == 403)
    }

    @Test func badRequestsGetKeyVaultsErrors() async throws {
        let world = try await World()
        let token = try await world.principal(role: Self.officer)
        // No api-version.
        let unversioned = try await world.vault.send("GET", "/secrets", apiVersion: "", token: token)
        #expect(unversioned.status == 400)
        #expect(unversioned.json?["error"]?["code"]?.stringValue == "BadParameter")
        // The dated versions of azure-keyvault-secrets 4.11+ are served; a malformed one is not.
        #expect(try await world.vault.send("GET", "/secrets", apiVersion: "2026-04-01", token: token).status == 200)
        #expect(try await world.vault.send("GET", "/secrets", apiVersion: "7.6-preview.2", token: token).status == 200)
        #expect(try await world.vault.send("GET", "/secrets", apiVersion: "latest", token: token).status == 400)
        // No value; a bad name.
        #expect(try await world.vault.send("PUT", "/secrets/s1", body: #"{"contentType":"x"}"#, token: token).status == 400)
        let badName = try await world.vault.send("PUT", "/secrets/bad_name", body: #"{"value":"x"}"#, token: token)
        #expect(badName.status == 400)
        #expect(badName.json?["error"]?["code"]?.stringValue == "BadParameter")
        // An unknown vault host: 404 with a clear message, before any credential is asked for.
        let unknown = try await TestClient(apiVersion: "7.5") { await world.keyVault.handle($0) }.send(
            "GET", "/dataplane/nokv.vault.azure.net/secrets/s1")
        #expect(unknown.status == 404)
        #expect(unknown.json?["error"]?["code"]?.stringValue == "VaultNotFound")
        #expect(world.store.all(under: nil, types: [DependentsProvider.secretType]).isEmpty)
    }

    @Test func withoutRBACAnyVaultTokenMayCall() async throws {
        let world = try await World(rbac: false)
        let token = try await world.principal(role: nil)
        #expect(try await world.vault.send("PUT", "/secrets/s1", body: #"{"value":"x"}"#, token: token).status == 200)
        #expect(try await world.vault.send("GET", "/secrets/s1").status == 401)
    }
}
