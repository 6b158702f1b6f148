import ARMCore
import ARMTestSupport
import EmulatorHTTP
import Foundation
import ProviderTestSupport
import Testing

@testable import DependentsProvider

@Suite("Dependents")
struct DependentsTests {
    static let group = ARMPath.group("rg1")

    /// The Dependents provider behind the production ARM pipeline, in-process; its resource group
    /// is in the store, which requires one as production's does.
    struct World: ProviderWorld {
        let base: ProviderTestWorld
        let client: TestClient

        init() throws {
            base = try ProviderTestWorld()
            let pipeline = base.pipeline(routes: DependentsProvider(store: base.store).routes)
            client = ProviderTestWorld.client(pipeline, apiVersion: "2023-05-01")
            try base.store.put(ResourceID(DependentsTests.group)!, body: ["name": "rg1"])
        }
    }

    @Test func trackedResourcesHaveTheEnvelopeAndListAndDelete() async throws {
        let world = try World()
        for (type, name) in [
            ("Microsoft.Storage/storageAccounts", "sa1"), ("Microsoft.KeyVault/vaults", "kv-1"),
            ("Microsoft.ContainerRegistry/registries", "acr12"), ("Microsoft.Insights/components", "ai1"),
            ("Microsoft.OperationalInsights/workspaces", "logs-1"),
        ] {
            let path = Self.group + "/providers/\(type)/\(name)"
            let created = try await world.client.send("PUT", path, body: #"{"location":"West US","tags":{"a":"b"}}"#)
            // Storage's spec allows only 200/202 for a create.
            #expect(created.status == (type == "Microsoft.Storage/storageAccounts" ? 200 : 201), "\(type)")
            #expect(created.json?["id"]?.stringValue == path)
            #expect(created.json?["type"]?.stringValue == type)
            #expect(created.json?["location"]?.stringValue == "westus")
            #expect(created.json?["etag"] != nil && created.json?["systemData"] != nil)
            #expect(created.json?["properties"]?["provisioningState"]?.stringValue == "Succeeded")
            #expect(try await world.client.send("PUT", path, body: #"{"location":"westus"}"#).status == 200)
            #expect(try await world.client.send("PUT", path, body: #"{"location":"eastus"}"#).status == 409)
            #expect(try await world.client.send("GET", Self.group + "/providers/\(type)").json?["value"]?.arrayValue?.count == 1)
            #expect(try await world.client.send("DELETE", path).status == 200)
            #expect(try await world.client.send("GET", path).status == 404)
            #expect(try await world.client.send("DELETE", path).status == 204)
        }
    }

    @Test func namesAndLocationsAreChecked() async throws {
        let world = try World()
        let storage = try await world.client.send(
            "PUT", Self.group + "/providers/Microsoft.Storage/storageAccounts/Bad_Name", body: #"{"location":"eastus"}"#)
        #expect(storage.status == 400)
        #expect(storage.json?["error"]?["code"]?.stringValue == "AccountNameInvalid")
        let vault = try await world.client.send(
            "PUT", Self.group + "/providers/Microsoft.KeyVault/vaults/1vault", body: #"{"location":"eastus"}"#)
        #expect(vault.json?["error"]?["code"]?.stringValue == "VaultNameNotValid")
        let noLocation = try await world.client.send("PUT", Self.group + "/providers/Microsoft.Storage/storageAccounts/sa1", body: #"{}"#)
        #expect(noLocation.json?["error"]?["code"]?.stringValue == "LocationRequired")
        let noGroup = try await world.client.send(
            "PUT",
            "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/nope/providers/Microsoft.Storage/storageAccounts/sa1",
            body: #"{"location":"eastus"}"#)
        #expect(noGroup.status == 404)
        #expect(
            try await world.client.send("PATCH", Self.group + "/providers/Microsoft.Storage/storageAccounts/sa1", body: "{}").status == 501)
    }

    @Test func logAnalyticsWorkspacesGetACustomerIdAndCheckTheirNames() async throws {
        let world = try World()
        let path = Self.group + "/providers/Microsoft.OperationalInsights/workspaces/logs-1"
        let created = try await world.client.send("PUT", path, body: #"{"location":"eastus","properties":{"retentionInDays":60}}"#)
        let customerId = try #require(created.json?["properties"]?["customerId"]?.stringValue)
        #expect(ResourceID.isGUID(customerId))
        #expect(created.json?["properties"]?["retentionInDays"] == 60)
        let again = try await world.client.send("PUT", path, body: #"{"location":"eastus"}"#)
        #expect(again.json?["properties"]?["customerId"]?.stringValue == customerId)
        for bad in ["abc", "-logs", "logs_1"] {
            let refused = try await world.client.send(
                "PUT", Self.group + "/providers/Microsoft.OperationalInsights/workspaces/\(bad)", body: #"{"location":"eastus"}"#)
            #expect(refused.status == 400, "\(bad)")
            #expect(refused.json?["error"]?["code"]?.stringValue == "InvalidResourceName")
        }
    }

    @Test func containersAndSecretsLiveUnderTheirParents() async throws {
        let world = try World()
        let account = Self.group + "/providers/Microsoft.Storage/storageAccounts/sa1"
        _ = try await world.client.send("PUT", account, body: #"{"location":"eastus"}"#)
        let container = try await world.client.send("PUT", account + "/blobServices/default/containers/data")
        #expect(container.status == 201)
        #expect(container.json?["type"]?.stringValue == "Microsoft.Storage/storageAccounts/blobServices/containers")
        #expect(try await world.client.send("PUT", account + "/blobServices/default/containers/Bad").status == 400)
        #expect(try await world.client.send("GET", account + "/blobServices/default/containers").json?["value"]?.arrayValue?.count == 1)
        let orphan = Self.group + "/providers/Microsoft.Storage/storageAccounts/none/blobServices/default/containers/data"
        #expect(try await world.client.send("PUT", orphan).status == 404)

        let vault = Self.group + "/providers/Microsoft.KeyVault/vaults/kv1"
        _ = try await world.client.send("PUT", vault, body: #"{"location":"eastus"}"#)
        let secret = try await world.client.send("PUT", vault + "/secrets/s1", body: #"{"properties":{"value":"hidden"}}"#)
        #expect(secret.status == 201)
        #expect(secret.json?.compactString.contains("hidden") == false)
        #expect(world.store.get(ResourceID(vault + "/secrets/s1")!)?.privateState["value"]?.stringValue == "hidden")
        // Deleting the vault takes its secrets.
        _ = try await world.client.send("DELETE", vault)
        #expect(world.store.get(ResourceID(vault + "/secrets/s1")!) == nil)
    }
}
