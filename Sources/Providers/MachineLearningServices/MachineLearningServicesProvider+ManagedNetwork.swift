import ARMCore
import JSON

/// `properties.managedNetwork` of hubs and default workspaces and its outbound rules (reference
/// docs/azure-behaviours.md "Workspaces: managed network and outbound rules"). Projects share their hub's network and cannot define their
/// own (docs/azure-behaviours.md "Hub and project rules").
extension MachineLearningServicesProvider {
    static let isolationModes = ["Disabled", "AllowInternetOutbound", "AllowOnlyApprovedOutbound"]

    /// The stored network: `isolationMode` (default `Disabled`), a stable `networkId`, validated
    /// `outboundRules` and a `status` (`Active` once provisioned).
    static func managedNetwork(_ value: JSONValue?, existing: JSONObject?, provisionNow: Bool) throws -> JSONObject {
        if let value, value != .null, value.objectValue == nil {
            throw ARMError.workspaceInvalidValue("properties.managedNetwork", value: value.kindName, allowed: ["an object"])
        }
        var network = value?.objectValue ?? JSONObject()
        let modeText = network["isolationMode"]?.stringValue ?? existing?["isolationMode"]?.stringValue ?? "Disabled"
        guard let mode = isolationModes.first(where: { $0.lowercased() == modeText.lowercased() }) else {
            throw ARMError.workspaceInvalidValue("properties.managedNetwork.isolationMode", value: modeText, allowed: isolationModes)
        }
        network["isolationMode"] = .string(mode)
        network["networkId"] = existing?["networkId"] ?? .string(newGUID())
        var status = existing?["status"]?.objectValue ?? ["status": "Inactive", "sparkReady": false]
        if provisionNow && mode != "Disabled" { status["status"] = "Active" }
        network["status"] = .object(status)
        let active = status["status"]?.stringValue == "Active"
        var rules = JSONObject()
        if let given = network["outboundRules"], given != .null {
            guard let map = given.objectValue else {
                throw ARMError.workspaceInvalidValue(
                    "properties.managedNetwork.outboundRules", value: given.kindName, allowed: ["an object"])
            }
            for (name, rule) in map.pairs {
                guard isValidWorkspaceChildName(name) else {
                    throw ARMError.invalidWorkspaceChildName(name, type: workspaceType + "/outboundRules")
                }
                rules[name] = .object(try outboundRule(rule, active: active))
            }
        }
        network["outboundRules"] = .object(rules)
        return network
    }

    /// One `OutboundRule`: `type` required (FQDN | PrivateEndpoint | ServiceTag, any case),
    /// `destination` required, `category` defaults to `UserDefined`, `status` follows the network.
    static func outboundRule(_ value: JSONValue, active: Bool) throws -> JSONObject {
        var rule = try OutboundRule(validating: value).body
        rule["status"] = active ? "Active" : "Inactive"
        rule["errorInformation"] = nil
        return rule
    }
}
