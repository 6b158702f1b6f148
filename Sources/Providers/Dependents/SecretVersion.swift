import ARMCore
import Foundation
import JSON

/// One version of a Key Vault secret: its value and attributes. The stored secret
/// (`vaults/{v}/secrets/{name}`, docs/dataplane.md "Key Vault secrets") keeps the current version's
/// value in private state under `value` and `version`, and the older versions under `versions`; its
/// ARM body is the management view and `SecretVersion+Views.swift` renders the data plane's
/// SecretBundle from the same record (one body per type).
struct SecretVersion: Sendable, Equatable {
    /// 32 lower-case hex digits, as Key Vault's versions.
    let version: String
    let value: String
    let contentType: String?
    let tags: JSONObject?
    let enabled: Bool
    /// Unix seconds, as Key Vault's `attributes.created`/`updated`.
    let created: Int64
    let updated: Int64

    init(
        version: String = SecretVersion.newVersion(), value: String, contentType: String? = nil, tags: JSONObject? = nil,
        enabled: Bool = true, created: Int64, updated: Int64
    ) {
        self.version = version
        self.value = value
        self.contentType = contentType
        self.tags = tags
        self.enabled = enabled
        self.created = created
        self.updated = updated
    }

    static func newVersion() -> String { newGUID().replacingOccurrences(of: "-", with: "").lowercased() }

    /// SetSecret's SecretSetParameters (`{value, tags?, contentType?, attributes?}`, Key Vault 7.5
    /// secrets.json): `value` is required; 400 `BadParameter` otherwise.
    init(setParameters body: JSONObject, at date: Date) throws {
        guard let value = body["value"]?.stringValue else { throw ARMError.keyVaultBadParameter("Property 'value' is required.") }
        if let tags = body["tags"], tags.objectValue == nil, tags != .null {
            throw ARMError.keyVaultBadParameter("Property 'tags' must be an object of strings.")
        }
        if let type = body["contentType"], type.stringValue == nil, type != .null {
            throw ARMError.keyVaultBadParameter("Property 'contentType' must be a string.")
        }
        let seconds = Int64(date.timeIntervalSince1970)
        self.init(
            value: value, contentType: body["contentType"]?.stringValue, tags: body["tags"]?.objectValue,
            enabled: body["attributes"]?["enabled"]?.boolValue ?? true, created: seconds, updated: seconds)
    }

    /// Key Vault's object names: 1-127 letters, digits and dashes (https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates#object-identifiers).
    static func isValidName(_ name: String) -> Bool {
        (1...127).contains(name.count) && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    // MARK: private state

    /// The current version of a stored secret; nil for a secret without a recorded version.
    init?(current stored: StoredResource) {
        guard let value = stored.privateState["value"]?.stringValue else { return nil }
        let attributes = stored.body["properties"]?["attributes"]
        self.init(
            version: stored.privateState["version"]?.stringValue ?? Self.version(ofURI: stored.body["properties"]?["secretUriWithVersion"]),
            value: value, contentType: stored.body["properties"]?["contentType"]?.stringValue, tags: stored.body["tags"]?.objectValue,
            enabled: attributes?["enabled"]?.boolValue ?? true, created: attributes?["created"]?.intValue.map(Int64.init) ?? 0,
            updated: attributes?["updated"]?.intValue.map(Int64.init) ?? 0)
    }

    /// Every version of a stored secret, the current one first.
    static func all(of stored: StoredResource) -> [SecretVersion] {
        let older = (stored.privateState["versions"]?.arrayValue ?? []).compactMap(SecretVersion.init(record:))
        return (SecretVersion(current: stored).map { [$0] } ?? []) + older
    }

    init?(record: JSONValue) {
        guard let version = record["version"]?.stringValue, let value = record["value"]?.stringValue else { return nil }
        self.init(
            version: version, value: value, contentType: record["contentType"]?.stringValue, tags: record["tags"]?.objectValue,
            enabled: record["enabled"]?.boolValue ?? true, created: record["created"]?.intValue.map(Int64.init) ?? 0,
            updated: record["updated"]?.intValue.map(Int64.init) ?? 0)
    }

    var record: JSONValue {
        var object: JSONObject = [
            "version": .string(version), "value": .string(value), "enabled": .bool(enabled), "created": .int(created),
            "updated": .int(updated),
        ]
        if let contentType { object["contentType"] = .string(contentType) }
        if let tags { object["tags"] = .object(tags) }
        return .object(object)
    }

    /// The private state of a secret whose current version is `self`, over `previous` (older
    /// versions kept for `GET /secrets/{name}/{version}`).
    func privateState(over previous: StoredResource?) -> JSONObject {
        let older = previous.map { SecretVersion.all(of: $0).map(\.record) } ?? []
        return ["value": .string(value), "version": .string(version), "versions": .array(older)]
    }

    static func version(ofURI uri: JSONValue?) -> String {
        guard let text = uri?.stringValue, let last = text.split(separator: "/").last else { return newVersion() }
        return String(last)
    }
}
