import ARMCore
import Foundation
import JSON

/// The managed network of an account (`Microsoft.CognitiveServices/accounts/managedNetworks`,
/// always `default`; the REST spec's `ManagedNetworkSettings`), validated from a PUT (replacing
/// the settings, rules kept unless given) or a PATCH (changing the fields it names). Choosing
/// `AllowOnlyApprovedOutbound` adds the required rule `__SYS_ST_AzureActiveDirectory_TCP`, as the
/// Azure CLI's recordings of the real service show (`test_managed_network_crud.yaml` in
/// Azure/azure-cli).
struct ManagedNetworkSettings {
    static let isolationModes = ["Disabled", "AllowInternetOutbound", "AllowOnlyApprovedOutbound"]
    static let firewallSkus = ["Standard", "Basic"]
    static let systemRuleName = "__SYS_ST_AzureActiveDirectory_TCP"

    let body: JSONObject

    init(id: ResourceID, input: JSONObject, existing: StoredResource?, replace: Bool, account: StoredResource) throws {
        let given = input["properties"]?["managedNetwork"]?.objectValue ?? JSONObject()
        let previous = existing?.body["properties"]?["managedNetwork"]?.objectValue ?? JSONObject()
        var network = replace ? JSONObject() : previous
        let mode = try Self.canonical(
            given["isolationMode"]?.stringValue ?? network["isolationMode"]?.stringValue ?? "Disabled", among: Self.isolationModes,
            property: "isolationMode")
        let sku = try Self.canonical(
            given["firewallSku"]?.stringValue ?? network["firewallSku"]?.stringValue ?? "Standard", among: Self.firewallSkus,
            property: "firewallSku")
        let rules = try Self.outboundRules(given["outboundRules"], previous: previous["outboundRules"], mode: mode)
        // networkId is the account's internalId written as a GUID, as in the recordings.
        let internalID = account.body["properties"]?["internalId"]?.stringValue ?? ""
        network["isolationMode"] = .string(mode)
        network["networkId"] = previous["networkId"] ?? .string(Self.guidForm(internalID))
        network["outboundRules"] = .object(rules)
        network["status"] = previous["status"] ?? ["status": "Active"]
        network["firewallSku"] = .string(sku)
        for key in ["enableNetworkMonitor", "enableFirewallLog"] {
            if let flag = given[key] {
                guard flag.boolValue != nil else {
                    throw ARMError.workspaceInvalidValue("properties.managedNetwork.\(key)", value: flag.kindName, allowed: ["a boolean"])
                }
                network[key] = flag
            } else if network[key] == nil {
                network[key] = false
            }
        }
        network["provisionNetworkNow"] = true
        network["managedNetworkKind"] = "V2"
        network["provisioningState"] = "Succeeded"
        network["changeableIsolationModes"] = []
        body = JSONObject([
            ("id", .string(id.description)), ("name", "default"), ("type", .string(CognitiveServicesProvider.managedNetworkType)),
            ("properties", ["provisioningState": "Succeeded", "managedNetwork": .object(network)]),
        ])
    }

    /// `text` in the service's spelling, or 400 naming the property and the allowed values.
    static func canonical(_ text: String, among allowed: [String], property: String) throws -> String {
        guard let value = allowed.first(where: { $0.lowercased() == text.lowercased() }) else {
            throw ARMError.workspaceInvalidValue("properties.managedNetwork.\(property)", value: text, allowed: allowed)
        }
        return value
    }

    /// The stored rules with the given ones validated over them, and the required system rule
    /// present exactly when the mode is `AllowOnlyApprovedOutbound`.
    static func outboundRules(_ given: JSONValue?, previous: JSONValue?, mode: String) throws -> JSONObject {
        var rules = previous?.objectValue ?? JSONObject()
        if let map = given?.objectValue {
            for (name, value) in map.pairs { rules[name] = .object(try outboundRule(value)) }
        }
        if mode == "AllowOnlyApprovedOutbound" {
            rules[systemRuleName] = [
                "status": "Active", "category": "Required", "type": "ServiceTag",
                "destination": [
                    "serviceTag": "AzureActiveDirectory", "protocol": "TCP", "portRanges": "80, 443", "action": "Allow",
                    "addressPrefixes": [],
                ],
            ]
        } else {
            rules[systemRuleName] = nil
        }
        return rules
    }

    /// Rule names: 1-255 letters, digits, `_`, `.` or `-`, starting with a letter or digit.
    static func checkRuleName(_ name: String) throws {
        guard CognitiveServicesProvider.isValidName(name, minimum: 1, maximum: 255, allowDot: true) else {
            throw ARMError.workspaceInvalidValue("ruleName", value: name, allowed: ["letters, digits, '_', '.' or '-'"])
        }
    }

    /// The rule of a PUT on `outboundRules/{name}`: `{properties: rule}`.
    static func outboundRule(input: JSONObject) throws -> JSONObject {
        guard let properties = input["properties"] else { throw ARMError.workspaceMissingProperty("properties") }
        return try outboundRule(properties)
    }

    /// The rules of a `batchOutboundRules` POST: `{properties: {outboundRules: {name: rule}}}`, each validated.
    static func outboundRules(batch input: JSONObject) throws -> JSONObject {
        guard let map = input["properties"]?["outboundRules"]?.objectValue else {
            throw ARMError.workspaceMissingProperty("properties.outboundRules")
        }
        var validated = JSONObject()
        for (name, value) in map.pairs { validated[name] = .object(try outboundRule(value)) }
        return validated
    }

    /// One outbound rule: `type` FQDN | PrivateEndpoint | ServiceTag (any case), `destination` a
    /// string for FQDN and an object otherwise, `category` defaulting to `UserDefined`; the
    /// service reports `status: Active`.
    static func outboundRule(_ value: JSONValue) throws -> JSONObject {
        let rule = try OutboundRule(validating: value)
        var result = JSONObject([
            ("status", "Active"), ("category", .string(rule.category)), ("type", .string(rule.type)),
            ("destination", rule.destination),
        ])
        for (key, field) in rule.body.pairs where !["status", "category", "type", "destination"].contains(key) {
            result[key] = field
        }
        return result
    }

    /// `0123…` (32 hex) as `01234567-89ab-…`; anything else unchanged.
    static func guidForm(_ hex: String) -> String {
        let characters = Array(hex)
        guard characters.count == 32 else { return hex.isEmpty ? newGUID() : hex }
        let cuts = [8, 12, 16, 20]
        var result = ""
        for (index, character) in characters.enumerated() {
            if cuts.contains(index) { result.append("-") }
            result.append(character)
        }
        return result
    }
}
