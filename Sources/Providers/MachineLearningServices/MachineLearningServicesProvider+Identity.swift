import ARMCore
import Identity
import JSON

/// `identity` of a workspace (ManagedServiceIdentity, docs/azure-behaviours.md "Workspaces"). A system-assigned identity
/// is a real managed identity in the directory, found by the workspace id, so it can hold role
/// assignments and get tokens; it is deleted with the workspace.
extension MachineLearningServicesProvider {
    /// The identity types asked for, validated. EMULATOR CHOICE: no `identity` means
    /// `SystemAssigned`, as the portal, the SDK and the templates always send it for hubs and
    /// projects, and a project needs one for its storage role assignment (docs/azure-behaviours.md "ABAC: project identity and hub
    /// storage").
    static func identityTypes(_ identity: JSONValue?) throws -> Set<String> {
        guard let identity, identity != .null else { return ["SystemAssigned"] }
        let text = identity["type"]?.stringValue ?? ""
        var types = Set<String>()
        for part in text.split(separator: ",") {
            switch part.trimmingCharacters(in: .whitespaces).lowercased() {
            case "systemassigned": types.insert("SystemAssigned")
            case "userassigned": types.insert("UserAssigned")
            case "none": break
            default:
                throw ARMError.workspaceInvalidValue(
                    "identity.type", value: text, allowed: ["None", "SystemAssigned", "UserAssigned", "SystemAssigned,UserAssigned"])
            }
        }
        if text.isEmpty { throw ARMError.workspaceMissingProperty("identity.type") }
        return types
    }

    /// The rendered `identity`, creating or removing the system-assigned principal as asked; nil
    /// for `None`.
    func identityBlock(_ types: Set<String>, input: JSONValue?, id: ResourceID, name: String) -> JSONObject? {
        guard !types.isEmpty else {
            directory.removeSystemAssignedIdentity(forResourceId: id.description)
            return nil
        }
        var block = JSONObject()
        block["type"] = .string(["SystemAssigned", "UserAssigned"].filter(types.contains).joined(separator: ","))
        if types.contains("SystemAssigned") {
            let identity = directory.systemAssignedIdentity(forResourceId: id.description, displayName: name)
            block["principalId"] = .string(identity.objectId)
            block["tenantId"] = .string(identity.tenantId)
        } else {
            directory.removeSystemAssignedIdentity(forResourceId: id.description)
        }
        if types.contains("UserAssigned"), let assigned = input?["userAssignedIdentities"]?.objectValue {
            var rendered = JSONObject()
            for (resourceId, _) in assigned.pairs {
                if let known = directory.managedIdentity(resourceId: resourceId) {
                    rendered[resourceId] = ["principalId": .string(known.objectId), "clientId": .string(known.clientId)]
                } else {
                    rendered[resourceId] = .object(JSONObject())
                }
            }
            block["userAssignedIdentities"] = .object(rendered)
        }
        return block
    }
}
