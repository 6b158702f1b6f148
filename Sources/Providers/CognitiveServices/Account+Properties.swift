import ARMCore
import JSON

/// Shapes of the account properties the CLI writes beside the basics (`az cognitiveservices
/// account network-rule`, `--encryption`, `--storage`), checked against the REST spec's
/// definitions (`NetworkRuleSet`, `IpRule`, `VirtualNetworkRule`, `Encryption`, `UserOwnedStorage`
/// in azure-rest-api-specs, specification/cognitiveservices). A wrong shape is a 400
/// `InvalidResourceProperties` (message: EMULATOR CHOICE, docs/accounts-and-deployments.md).
extension Account {
    /// Types the SDKs rely on; a wrong type is a 400, never a stored oddity.
    static func checkPropertyTypes(_ properties: JSONObject) throws {
        for key in ["disableLocalAuth", "allowProjectManagement", "restrictOutboundNetworkAccess", "dynamicThrottlingEnabled"] {
            if let value = properties[key], value.boolValue == nil {
                throw ARMError.invalidResourceProperties("The property '\(key)' must be a boolean.")
            }
        }
        if let access = properties["publicNetworkAccess"] {
            guard let text = access.stringValue, ["enabled", "disabled"].contains(text.lowercased()) else {
                throw ARMError.invalidResourceProperties("The property 'publicNetworkAccess' must be 'Enabled' or 'Disabled'.")
            }
        }
        if let acls = properties["networkAcls"], acls.objectValue == nil {
            throw ARMError.invalidResourceProperties("The property 'networkAcls' must be an object.")
        }
        try checkNetworkAcls(properties["networkAcls"])
        try checkEncryption(properties["encryption"])
        try checkUserOwnedStorage(properties["userOwnedStorage"])
    }

    static func checkNetworkAcls(_ value: JSONValue?) throws {
        guard let acls = value?.objectValue else { return }
        if let action = acls["defaultAction"], action != .null {
            guard let text = action.stringValue, ["allow", "deny"].contains(text.lowercased()) else {
                throw ARMError.invalidResourceProperties("The property 'networkAcls.defaultAction' must be 'Allow' or 'Deny'.")
            }
        }
        if let bypass = acls["bypass"], bypass != .null {
            guard let text = bypass.stringValue, ["none", "azureservices"].contains(text.lowercased()) else {
                throw ARMError.invalidResourceProperties("The property 'networkAcls.bypass' must be 'None' or 'AzureServices'.")
            }
        }
        for rule in try objects(acls["ipRules"], property: "networkAcls.ipRules") {
            guard let address = rule["value"]?.stringValue, isIPv4AddressOrRange(address) else {
                throw ARMError.invalidResourceProperties(
                    "The IP rule '\(rule["value"]?.description ?? "null")' is invalid. An IP rule 'value' must be an IPv4 address or "
                        + "an IPv4 address range in CIDR notation.")
            }
        }
        for rule in try objects(acls["virtualNetworkRules"], property: "networkAcls.virtualNetworkRules") {
            guard let id = rule["id"]?.stringValue, ResourceID(id) != nil else {
                throw ARMError.invalidResourceProperties("A virtual network rule 'id' must be the resource id of a subnet.")
            }
        }
    }

    static func checkEncryption(_ value: JSONValue?) throws {
        guard let value, value != .null else { return }
        guard let encryption = value.objectValue else {
            throw ARMError.invalidResourceProperties("The property 'encryption' must be an object.")
        }
        let source = encryption["keySource"]?.stringValue ?? "Microsoft.KeyVault"
        switch source.lowercased() {
        case "microsoft.cognitiveservices": return
        case "microsoft.keyvault":
            let vault = encryption["keyVaultProperties"]?.objectValue
            guard vault?["keyName"]?.stringValue != nil, vault?["keyVaultUri"]?.stringValue != nil else {
                throw ARMError.invalidResourceProperties(
                    "Encryption with keySource 'Microsoft.KeyVault' needs 'keyVaultProperties' with 'keyName' and 'keyVaultUri'.")
            }
        default:
            throw ARMError.invalidResourceProperties(
                "The property 'encryption.keySource' must be 'Microsoft.CognitiveServices' or 'Microsoft.KeyVault'.")
        }
    }

    static func checkUserOwnedStorage(_ value: JSONValue?) throws {
        for storage in try objects(value, property: "userOwnedStorage") {
            guard let id = storage["resourceId"]?.stringValue, let parsed = ResourceID(id),
                parsed.fullType.lowercased() == "microsoft.storage/storageaccounts"
            else {
                throw ARMError.invalidResourceProperties("A 'userOwnedStorage' entry needs the 'resourceId' of a storage account.")
            }
        }
    }

    /// An array of objects (absent or null: none).
    static func objects(_ value: JSONValue?, property: String) throws -> [JSONObject] {
        guard let value, value != .null else { return [] }
        guard let items = value.arrayValue, items.allSatisfy({ $0.objectValue != nil }) else {
            throw ARMError.invalidResourceProperties("The property '\(property)' must be an array of objects.")
        }
        return items.compactMap(\.objectValue)
    }

    /// `a.b.c.d` or `a.b.c.d/n` (n 0-32).
    static func isIPv4AddressOrRange(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        if parts.count == 2 {
            guard let bits = Int(parts[1]), (0...32).contains(bits), parts[1].allSatisfy(\.isNumber) else { return false }
        }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4
            && octets.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) && (Int($0) ?? 256) <= 255 }
    }
}
