import ARMCore
import JSON

/// A connection as the Foundry project API shows it (azure-ai-projects `Connection`):
/// `{"name","id","type","target","isDefault","credentials":{"type"},"metadata"}`, built from the
/// ARM connection (`properties.category` is the type, `authType` the credential type). Secrets are
/// only in `getConnectionWithCredentials`, as in ARM only `listsecrets` returns them.
enum ProjectConnection {
    static func json(_ connection: StoredResource, isDefault: Bool, withCredentials: Bool) -> JSONValue {
        let properties = connection.body["properties"]
        var credentials: JSONObject = ["type": .string(credentialType(properties?["authType"]?.stringValue))]
        if withCredentials, let stored = connection.privateState["credentials"]?.objectValue {
            for (key, value) in stored.pairs { credentials[key.lowercased() == "sas" ? "SAS" : key] = value }
        }
        var metadata = JSONObject()
        for (key, value) in properties?["metadata"]?.objectValue?.pairs ?? [] {
            metadata[key] = .string(value.stringValue ?? value.description)
        }
        return [
            "name": .string(connection.id.name), "id": .string(connection.id.description),
            "type": .string(properties?["category"]?.stringValue ?? "CustomKeys"),
            "target": .string(properties?["target"]?.stringValue ?? ""),
            "isDefault": .bool(isDefault), "credentials": .object(credentials), "metadata": .object(metadata),
        ]
    }

    /// ARM `authType` -> the project API's credential type (ApiKey, AAD, SAS, CustomKeys, None).
    static func credentialType(_ authType: String?) -> String {
        switch authType?.lowercased() {
        case "apikey", "accountkey", "accesskey": "ApiKey"
        case "aad", "managedidentity", "serviceprincipal": "AAD"
        case "sas": "SAS"
        case "customkeys": "CustomKeys"
        default: "None"
        }
    }
}
