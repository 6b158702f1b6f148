import ARMCore
import ARMTestSupport
import Identity
import Testing

@testable import DependentsProvider

/// Global names (checkNameAvailability and PUT), storage keys, Key Vault soft delete and the
/// AllowNFSV3 feature gate, through the same in-process pipeline as `DependentsTests`.
@Suite struct NameAvailabilityTests {
    static let subscription = ARMPath.subscription()
    static let group = DependentsTests.group
    static let otherGroup = subscription + "/resourceGroups/rg2"

    func world() throws -> DependentsTests.World {
        let world = try DependentsTests.World()
        try world.store.put(ResourceID(Self.otherGroup)!, body: ["name": "rg2"])
        return world
    }

    @Test func storageNamesAreCheckedAndGlobal() async throws {
        let world = try world()
        let check = Self.subscription + "/providers/Microsoft.Storage/checkNameAvailability"
        let free = try await world.client.send("POST", check, body: #"{"name":"sa1","type":"Microsoft.Storage/storageAccounts"}"#)
        #expect(free.status == 200)
        #expect(free.json?["nameAvailable"]?.boolValue == true)
        let invalid = try await world.client.send("POST", check, body: #"{"name":"Sa-1","type":"Microsoft.Storage/storageAccounts"}"#)
        #expect(invalid.json?["nameAvailable"]?.boolValue == false)
        #expect(invalid.json?["reason"]?.stringValue == "AccountNameInvalid")
        #expect(invalid.json?["message"]?.stringValue?.hasPrefix("Sa-1 is not a valid storage account name.") == true)

        #expect(
            try await world.client.send(
                "PUT", Self.group + "/providers/Microsoft.Storage/storageAccounts/sa1", body: #"{"location":"eastus"}"#
            )
            .status == 200)
        let taken = try await world.client.send("POST", check, body: #"{"name":"sa1","type":"Microsoft.Storage/storageAccounts"}"#)
        #expect(taken.json?["reason"]?.stringValue == "AlreadyExists")
        #expect(taken.json?["message"]?.stringValue == "The storage account named sa1 is already taken.")
        let elsewhere = try await world.client.send(
            "PUT", Self.otherGroup + "/providers/Microsoft.Storage/storageAccounts/sa1", body: #"{"location":"eastus"}"#)
        #expect(elsewhere.status == 409)
        #expect(elsewhere.json?["error"]?["code"]?.stringValue == "StorageAccountAlreadyTaken")
        let wrongType = try await world.client.send("POST", check, body: #"{"name":"sa2","type":"Microsoft.KeyVault/vaults"}"#)
        #expect(wrongType.status == 400)
    }

    @Test func storageAccountsHaveTwoStableKeysAndRegenerateOne() async throws {
        let world = try world()
        let account = Self.group + "/providers/Microsoft.Storage/storageAccounts/sa1"
        _ = try await world.client.send("PUT", account, body: #"{"location":"eastus"}"#)
        let listed = try await world.client.send("POST", account + "/listKeys")
        #expect(listed.status == 200)
        let keys = listed.json?["keys"]?.arrayValue ?? []
        #expect(keys.compactMap { $0["keyName"]?.stringValue } == ["key1", "key2"])
        #expect(keys.allSatisfy { $0["value"]?.stringValue?.count == 88 && $0["permissions"]?.stringValue == "FULL" })
        #expect(try await world.client.send("POST", account + "/listKeys").json == listed.json)
        let renewed = try await world.client.send("POST", account + "/regenerateKey", body: #"{"keyName":"key1"}"#)
        let after = renewed.json?["keys"]?.arrayValue ?? []
        #expect(after.first?["value"] != keys.first?["value"])
        #expect(after.last?["value"] == keys.last?["value"])
        #expect(try await world.client.send("POST", account + "/regenerateKey", body: #"{"keyName":"kerb1"}"#).status == 400)
        #expect(
            try await world.client.send("POST", Self.group + "/providers/Microsoft.Storage/storageAccounts/none/listKeys").status == 404)
        // The keys are never in the resource body.
        #expect(try await world.client.send("GET", account).json?["properties"]?["keys"] == nil)
    }

    @Test func vaultsAreSoftDeletedRecoveredAndPurged() async throws {
        let world = try world()
        let vault = Self.group + "/providers/Microsoft.KeyVault/vaults/kv-1"
        let created = try await world.client.send("PUT", vault, body: #"{"location":"eastus","properties":{"tenantId":"t1"}}"#)
        #expect(created.status == 201)
        #expect(created.json?["properties"]?["enableSoftDelete"]?.boolValue == true)
        #expect(created.json?["properties"]?["softDeleteRetentionInDays"]?.intValue == 90)
        #expect(created.json?["properties"]?["sku"]?["name"]?.stringValue == "standard")
        let duplicate = try await world.client.send(
            "PUT", Self.otherGroup + "/providers/Microsoft.KeyVault/vaults/kv-1", body: #"{"location":"eastus"}"#)
        #expect(duplicate.json?["error"]?["code"]?.stringValue == "VaultAlreadyExists")

        #expect(try await world.client.send("DELETE", vault).status == 200)
        let deletedList = try await world.client.send("GET", Self.subscription + "/providers/Microsoft.KeyVault/deletedVaults")
        #expect(deletedList.json?["value"]?[0]?["properties"]?["vaultId"]?.stringValue == vault)
        let deleted = Self.subscription + "/providers/Microsoft.KeyVault/locations/eastus/deletedVaults/kv-1"
        #expect(try await world.client.send("GET", deleted).json?["type"]?.stringValue == "Microsoft.KeyVault/deletedVaults")
        let check = Self.subscription + "/providers/Microsoft.KeyVault/checkNameAvailability"
        #expect(try await world.client.send("POST", check, body: #"{"name":"kv-1"}"#).json?["reason"]?.stringValue == "AlreadyExists")
        #expect(
            try await world.client.send("PUT", vault, body: #"{"location":"eastus"}"#).json?["error"]?["code"]?.stringValue
                == "ConflictError")

        let recovered = try await world.client.send("PUT", vault, body: #"{"location":"eastus","properties":{"createMode":"recover"}}"#)
        #expect(recovered.status == 201)
        #expect(recovered.json?["properties"]?["tenantId"]?.stringValue == "t1")
        #expect(recovered.json?["properties"]?["createMode"] == nil)
        #expect(try await world.client.send("GET", deleted).status == 404)

        _ = try await world.client.send("DELETE", vault)
        #expect(try await world.client.send("POST", deleted + "/purge").status == 200)
        #expect(try await world.client.send("POST", check, body: #"{"name":"kv-1"}"#).json?["nameAvailable"]?.boolValue == true)
        #expect(try await world.client.send("POST", deleted + "/purge").status == 404)
        let recoverNothing = try await world.client.send(
            "PUT", vault, body: #"{"location":"eastus","properties":{"createMode":"recover"}}"#)
        #expect(recoverNothing.status == 404)
    }

    @Test func vaultsWithoutSoftDeleteAreGoneAtOnce() async throws {
        let world = try world()
        let vault = Self.group + "/providers/Microsoft.KeyVault/vaults/kv-2"
        _ = try await world.client.send("PUT", vault, body: #"{"location":"eastus","properties":{"enableSoftDelete":false}}"#)
        _ = try await world.client.send("DELETE", vault)
        #expect(
            try await world.client.send("GET", Self.subscription + "/providers/Microsoft.KeyVault/deletedVaults").json?["value"]?.arrayValue
                == [])
        #expect(
            try await world.client.send("GET", Self.subscription + "/providers/Microsoft.KeyVault/deletedManagedHSMs").json?["value"]?
                .arrayValue
                == [])
    }

    @Test func nfsAccountsNeedTheAllowNFSV3Feature() async throws {
        let world = try world()
        let body = #"{"location":"eastus","properties":{"isNfsV3Enabled":true,"isHnsEnabled":true}}"#
        #expect(
            try await world.client.send("PUT", Self.group + "/providers/Microsoft.Storage/storageAccounts/nfs1", body: body).status == 200)
        let feature = FeatureRegistration.featureID(
            subscriptionID: WellKnown.subscriptionId, namespace: "Microsoft.Storage", feature: "AllowNFSV3")
        try world.store.put(feature, body: ["properties": ["state": "Unregistered"]])
        let refused = try await world.client.send("PUT", Self.group + "/providers/Microsoft.Storage/storageAccounts/nfs2", body: body)
        #expect(refused.status == 400)
        #expect(refused.json?["error"]?["code"]?.stringValue == "SubscriptionNotRegisteredForFeature")
        #expect(
            try await world.client.send(
                "PUT", Self.group + "/providers/Microsoft.Storage/storageAccounts/plain", body: #"{"location":"eastus"}"#
            )
            .status == 200)
    }
}
