import ARMCore
import JSON

/// The two views of one stored secret version (docs/dataplane.md "Key Vault secrets"): the ARM
/// management body (`Secrets_Get`, no value) and the data plane's SecretBundle, SecretItem and
/// DeletedSecretBundle (Key Vault 7.5 secrets.json). Identifiers keep Key Vault's own form
/// `https://{vault}.vault.azure.net/secrets/{name}/{version}`: azure-keyvault-secrets parses the
/// name and version out of `id` and expects exactly that path.
extension SecretVersion {
    /// EMULATOR CHOICE: a deleted secret is purged at once (no `deletedsecrets` recovery), so
    /// secrets carry the recovery level of a vault without soft-delete.
    static let recoveryLevel = "Purgeable"

    static func secretURI(vault: String, name: String) -> String {
        "https://\(vault.lowercased()).vault.azure.net/secrets/\(name)"
    }

    /// The ARM body of `vaults/{vault}/secrets/{id.name}` at this version.
    func armBody(id: ResourceID, vault: String) -> JSONObject {
        var properties: JSONObject = [
            "attributes": ["enabled": .bool(enabled), "created": .int(created), "updated": .int(updated)],
            "secretUri": .string(Self.secretURI(vault: vault, name: id.name)),
            "secretUriWithVersion": .string(Self.secretURI(vault: vault, name: id.name) + "/" + version),
        ]
        if let contentType { properties["contentType"] = .string(contentType) }
        var body = JSONObject([
            ("id", .string(id.description)), ("name", .string(id.name)), ("type", .string(DependentsProvider.secretType)),
        ])
        if let tags { body["tags"] = .object(tags) }
        body["properties"] = .object(properties)
        return body
    }

    var attributesJSON: JSONValue {
        ["enabled": .bool(enabled), "created": .int(created), "updated": .int(updated), "recoveryLevel": .string(Self.recoveryLevel)]
    }

    /// SecretBundle: `{value, contentType?, id, attributes, tags?}`.
    func bundle(vault: String, name: String) -> JSONValue {
        var object: JSONObject = ["value": .string(value)]
        if let contentType { object["contentType"] = .string(contentType) }
        object["id"] = .string(Self.secretURI(vault: vault, name: name) + "/" + version)
        object["attributes"] = attributesJSON
        if let tags { object["tags"] = .object(tags) }
        return .object(object)
    }

    /// SecretItem (GetSecrets, GetSecretVersions): no value; the id without a version in the
    /// secrets list, with it in a secret's versions list.
    func item(vault: String, name: String, withVersion: Bool = false) -> JSONValue {
        let uri = Self.secretURI(vault: vault, name: name) + (withVersion ? "/" + version : "")
        var object: JSONObject = ["id": .string(uri)]
        object["attributes"] = attributesJSON
        if let contentType { object["contentType"] = .string(contentType) }
        if let tags { object["tags"] = .object(tags) }
        return .object(object)
    }

    /// DeletedSecretBundle of a purged secret: the bundle without its value and, the secret not
    /// being recoverable, without `recoveryId`/`scheduledPurgeDate` (azure-keyvault-secrets' delete
    /// poller then finishes at once instead of polling `deletedsecrets`).
    func deletedBundle(vault: String, name: String) -> JSONValue {
        var object: JSONObject = ["id": .string(Self.secretURI(vault: vault, name: name) + "/" + version)]
        object["attributes"] = attributesJSON
        if let contentType { object["contentType"] = .string(contentType) }
        if let tags { object["tags"] = .object(tags) }
        return .object(object)
    }
}
