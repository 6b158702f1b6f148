import ARMCore
import Foundation
import JSON

/// Soft delete and restore (docs/azure-behaviours.md "Accounts: PATCH, soft delete, restore,
/// purge"): a deleted account is kept 48 hours as a `deletedAccounts` resource, restorable with
/// `restore: true` and purgeable.
extension Account {
    /// The body kept for a deleted account, filed under `id` (its `deletedAccounts` id).
    static func deletedBody(_ account: JSONObject, id: ResourceID, at date: Date) -> JSONObject {
        var body = account
        body["id"] = .string(id.description)
        body["type"] = .string(CognitiveServicesProvider.deletedAccountType)
        var properties = body["properties"]?.objectValue ?? JSONObject()
        properties["provisioningState"] = "Succeeded"
        properties["deletionDate"] = .string(ARMTimestamp.string(from: date))
        properties["scheduledPurgeDate"] = .string(ARMTimestamp.string(from: date.addingTimeInterval(48 * 3600)))
        properties["associatedProjects"] = []
        properties["defaultProject"] = nil
        body["properties"] = .object(properties)
        return body
    }

    /// `PUT {location, properties:{restore:true}}` (what `az … account recover` sends, no kind or
    /// sku): the saved account back as it was under `id`, with new tags if the PUT has them.
    static func restoredBody(_ deleted: JSONObject, id: ResourceID, input: JSONObject, caller: Caller?, date: Date) throws -> JSONObject {
        var body = deleted
        body["id"] = .string(id.description)
        body["name"] = .string(id.name)
        body["type"] = .string(CognitiveServicesProvider.accountType)
        var properties = body["properties"]?.objectValue ?? JSONObject()
        properties["deletionDate"] = nil
        properties["scheduledPurgeDate"] = nil
        properties["provisioningState"] = "Succeeded"
        body["properties"] = .object(properties)
        if let tags = input.value(forKeyIgnoringCase: "tags"), tags != .null { body["tags"] = .object(try TagRules.validate(tags)) }
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: body["systemData"]))
        return body
    }
}
