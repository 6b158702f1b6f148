import ARMCore
import Foundation
import JSON

/// A soft-deleted key vault (https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview):
/// kept under `/subscriptions/{s}/providers/Microsoft.KeyVault/locations/{l}/deletedVaults/{name}`
/// until `scheduledPurgeDate` (`softDeleteRetentionInDays` after the delete), with the vault's body
/// saved for a recover.
struct DeletedVault {
    let id: ResourceID
    let body: JSONObject
    /// The vault as it was, for `createMode: recover`.
    let privateState: JSONObject

    /// The record of `vault`, deleted at `date` by a request that named it `vaultID` (whose spelling
    /// the record keeps).
    init(of vault: StoredResource, as vaultID: ResourceID, at date: Date) {
        let properties = vault.body["properties"]?.objectValue ?? JSONObject()
        let days = Double(properties["softDeleteRetentionInDays"]?.intValue ?? 90)
        let location = vault.body["location"]?.stringValue ?? ""
        id = DependentsProvider.deletedVaultID(subscriptionID: vaultID.subscriptionID ?? "", location: location, name: vaultID.name)
        body = JSONObject([
            ("id", .string(id.description)), ("name", .string(vaultID.name)), ("type", .string(DependentsProvider.deletedVaultType)),
            (
                "properties",
                .object(
                    JSONObject([
                        ("vaultId", .string(vaultID.description)), ("location", .string(location)),
                        ("deletionDate", .string(ARMTimestamp.string(from: date))),
                        ("scheduledPurgeDate", .string(ARMTimestamp.string(from: date.addingTimeInterval(days * 24 * 3600)))),
                        ("tags", vault.body["tags"] ?? .object(JSONObject())),
                        ("purgeProtectionEnabled", .bool(properties["enablePurgeProtection"]?.boolValue ?? false)),
                    ]))
            ),
        ])
        privateState = ["vault": .object(vault.body)]
    }
}
