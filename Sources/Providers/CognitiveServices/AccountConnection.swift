import ARMCore
import Foundation
import JSON

/// A connection of an account or of a project (`Microsoft.CognitiveServices/accounts/connections`
/// and `…/projects/connections`, the REST spec's `ConnectionPropertiesV2BasicResource`), with the
/// secret rules of workspace connections (docs/azure-behaviours.md "Account and project
/// connections"): `credentials` are write-only, kept in the private state and shown only by
/// `listsecrets`.
struct AccountConnection {
    static let authTypes = [
        "PAT", "ManagedIdentity", "UsernamePassword", "None", "SAS", "AccountKey", "ServicePrincipal", "AccessKey", "ApiKey",
        "CustomKeys", "OAuth2", "AAD",
    ]

    let body: JSONObject
    /// `credentials` (null when none were given).
    let privateState: JSONObject

    /// A PUT: the connection `input` describes, replacing `existing` (credentials not kept).
    init(id: ResourceID, type: String, input: JSONObject, existing: StoredResource?, caller: Caller?, date: Date) throws {
        let (properties, credentials) = try Self.properties(input["properties"], previous: nil)
        var body = JSONObject([("id", .string(id.description)), ("name", .string(id.name)), ("type", .string(type))])
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: existing?.body["systemData"]))
        body["properties"] = .object(properties)
        self.body = body
        privateState = ["credentials": credentials ?? .null]
    }

    /// Connection names: 3-33 letters, digits, `_` or `-`, starting with a letter or digit.
    static func checkName(_ name: String) throws {
        guard CognitiveServicesProvider.isValidName(name, minimum: 3, maximum: 33, allowDot: false) else {
            throw ARMError.invalidChildName(
                name, kind: "connection", rule: "It must be 3 to 33 letters, digits, '_' or '-', starting with a letter or digit.")
        }
    }

    /// A PATCH: `properties` merged (RFC 7396) onto the stored ones, `credentials` replaced when
    /// given and kept otherwise, then checked as on a PUT.
    static func update(_ resource: inout StoredResource, with input: JSONObject, caller: Caller?, date: Date) throws {
        var merged = resource.body["properties"]?.objectValue ?? JSONObject()
        if let patch = input["properties"]?.objectValue {
            var patch = patch
            patch["credentials"] = nil
            merged.mergePatch(patch)
            if let credentials = input["properties"]?["credentials"] { merged["credentials"] = credentials }
        }
        let (properties, credentials) = try Self.properties(.object(merged), previous: resource.privateState["credentials"])
        resource.body["properties"] = .object(properties)
        resource.privateState["credentials"] = credentials ?? .null
        resource.body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: resource.body["systemData"]))
    }

    /// The stored body with its credentials, for `listsecrets`.
    static func withSecrets(_ connection: StoredResource) -> JSONObject {
        var body = connection.body
        if let credentials = connection.privateState["credentials"], credentials != .null {
            body["properties"]?["credentials"] = credentials
        }
        return body
    }

    /// Validates `properties` (`authType` required and known; `category`/`target` strings) and
    /// splits off the write-only `credentials` (none given: `previous`).
    static func properties(_ value: JSONValue?, previous: JSONValue?) throws -> (JSONObject, JSONValue?) {
        guard var properties = value?.objectValue else {
            throw ARMError.invalidResourceProperties("The connection property 'properties' is required.")
        }
        guard let authType = properties["authType"]?.stringValue else {
            throw ARMError.invalidResourceProperties("The connection property 'properties.authType' is required.")
        }
        guard let canonical = authTypes.first(where: { $0.lowercased() == authType.lowercased() }) else {
            throw ARMError.invalidResourceProperties(
                "The authType '\(authType)' is invalid. Valid values are \(authTypes.joined(separator: ", ")).")
        }
        properties["authType"] = .string(canonical)
        for key in ["category", "target"] {
            if let field = properties[key], field.stringValue == nil {
                throw ARMError.invalidResourceProperties("The connection property 'properties.\(key)' must be a string.")
            }
        }
        let credentials = properties["credentials"] ?? previous
        properties["credentials"] = nil
        return (properties, credentials)
    }
}
