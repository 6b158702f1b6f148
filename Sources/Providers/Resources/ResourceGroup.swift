import ARMCore
import Foundation
import JSON

/// A resource group as a PUT writes it (docs/azure-behaviours.md "Resource groups"): validated
/// from the request body, then rendered over the existing group.
struct ResourceGroup: Sendable {
    static let resourceType = "Microsoft.Resources/resourceGroups"

    let id: ResourceID
    /// The canonical region name.
    let location: String
    /// Nil when the body has none: PUT replaces, so the group then has no tags.
    let tags: JSONObject?
    let managedBy: String?

    /// The name follows ARM's resource group rules, `location` is a known region, `tags` follow
    /// the tag rules, `managedBy` is a string. The body is read once the name passed, so a bad name
    /// is the answer whatever the body.
    init(validating input: @autoclosure () throws -> JSONObject, id: ResourceID) throws {
        try NameRules.validateResourceGroupName(id.name)
        let input = try input()
        guard let locationText = input["location"]?.stringValue, !locationText.isEmpty else { throw ARMError.missingLocation }
        guard let location = AzureRegion.lookup(locationText)?.name else {
            throw ARMError.locationNotAvailableForResourceGroup(locationText, available: AzureRegion.allNames)
        }
        self.id = id
        self.location = location
        self.tags = input["tags"] == nil ? nil : try TagRules.validate(input["tags"])
        self.managedBy = try Self.managedBy(in: input)?.stringValue
    }

    /// The body stored over `existing`: a group being deleted cannot be written, and its location
    /// never changes.
    func body(replacing existing: StoredResource?, caller: Caller?, at date: Date) throws -> JSONObject {
        if let existing {
            let existingLocation = existing.body["location"]?.stringValue ?? ""
            if Self.isDeleting(existing.body) { throw ARMError.resourceGroupBeingDeleted(existing.id.name) }
            if existingLocation != location { throw ARMError.invalidResourceGroupLocation(new: location, existing: existingLocation) }
        }
        // The name keeps the casing of this request (RPC: "return the most recently specified casing").
        var body = JSONObject([
            ("id", .string(id.description)),
            ("name", .string(id.name)),
            ("type", .string(Self.resourceType)),
            ("location", .string(location)),
        ])
        // Room for exactly the members below and the `etag` the store adds: the body lives as long
        // as the group.
        body.reserveCapacity(body.count + (managedBy == nil ? 0 : 1) + (tags == nil ? 0 : 1) + 3)
        if let managedBy { body["managedBy"] = .string(managedBy) }
        // PUT replaces: tags not sent means no tags.
        if let tags { body["tags"] = .object(tags) }
        body["properties"] = Self.succeededProperties
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: existing?.body["systemData"]))
        return body
    }

    /// One shared value for every group (a body's `properties` is a copy-on-write value, so each
    /// group would otherwise keep its own copy of the same member).
    static let succeededProperties: JSONValue = ["provisioningState": "Succeeded"]

    static func isDeleting(_ body: JSONObject) -> Bool {
        body["properties"]?["provisioningState"]?.stringValue == "Deleting"
    }

    /// `managedBy` as sent: a string, `null` (PATCH: remove it), or absent. Any other JSON type is
    /// refused as ARM's deserializer does, instead of being stored and returned against the
    /// resource group schema (found by scripts/api-fuzz).
    static func managedBy(in input: JSONObject) throws -> JSONValue? {
        guard let value = input["managedBy"] else { return nil }
        switch value {
        case .string, .null: return value
        default: throw ARMError.invalidRequestContent("Error converting value to type 'System.String'. Path 'managedBy'.")
        }
    }
}
