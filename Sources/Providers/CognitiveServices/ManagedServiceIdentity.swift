import ARMCore
import Foundation
import JSON

/// `identity` of an account or a project (the REST spec's `Identity`, ARM's managed service
/// identity): None | SystemAssigned | UserAssigned | "SystemAssigned, UserAssigned"; the service
/// fills `principalId`/`tenantId` (kept across updates) and each user-assigned identity's
/// `principalId`/`clientId`.
enum ManagedServiceIdentity {
    /// The identity to store for `value` (absent or null: `previous`, kept as it was).
    static func build(_ value: JSONValue?, previous: JSONValue?, tenantID: String?) throws -> JSONValue? {
        guard let value, value != .null else { return previous }
        guard let type = value["type"]?.stringValue else {
            throw ARMError.invalidResourceProperties("The identity 'type' is required.")
        }
        let normalized = type.lowercased().replacingOccurrences(of: " ", with: "")
        let canonical: String
        switch normalized {
        case "none": return ["type": "None"]
        case "systemassigned": canonical = "SystemAssigned"
        case "userassigned": canonical = "UserAssigned"
        case "systemassigned,userassigned": canonical = "SystemAssigned, UserAssigned"
        default:
            throw ARMError.invalidResourceProperties(
                "The identity type '\(type)' is invalid. Valid values are 'None', 'SystemAssigned', 'UserAssigned' and "
                    + "'SystemAssigned, UserAssigned'.")
        }
        var identity: JSONObject = ["type": .string(canonical)]
        if canonical.hasPrefix("SystemAssigned") {
            identity["principalId"] = previous?["principalId"] ?? .string(newGUID())
            identity["tenantId"] = previous?["tenantId"] ?? .string(tenantID ?? "")
        }
        if canonical.hasSuffix("UserAssigned") {
            let requested = value["userAssignedIdentities"]?.objectValue ?? JSONObject()
            var assigned = JSONObject()
            for (resourceID, _) in requested.pairs {
                let old = previous?["userAssignedIdentities"]?[resourceID]
                assigned[resourceID] = [
                    "principalId": old?["principalId"] ?? .string(newGUID()), "clientId": old?["clientId"] ?? .string(newGUID()),
                ]
            }
            identity["userAssignedIdentities"] = .object(assigned)
        }
        return .object(identity)
    }
}
