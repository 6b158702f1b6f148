import ARMCore
import JSON

/// Graph's JSON for each directory object (https://learn.microsoft.com/graph/api/resources/serviceprincipal
/// and its siblings), with the properties `az ad` reads.
extension GraphLite {
    static func json(_ application: Application) -> JSONObject {
        JSONObject([
            ("id", .string(application.objectId)),
            ("appId", .string(application.appId)),
            ("displayName", .string(application.displayName)),
            ("createdDateTime", .string(application.createdDateTime)),
            ("publisherDomain", .string(WellKnown.tenantDomain)),
            ("signInAudience", .string(application.signInAudience)),
            ("identifierUris", .array(application.identifierUris.map(JSONValue.string))),
            ("keyCredentials", []),
            ("passwordCredentials", .array(application.passwordCredentials.map { .object(json($0, withSecret: false)) })),
            ("requiredResourceAccess", []),
            ("appRoles", []),
            ("tags", []),
            ("web", ["redirectUris": [], "homePageUrl": .null]),
        ])
    }

    /// `secretText` only in the `addPassword` answer, as Graph returns it once.
    static func json(_ credential: PasswordCredential, withSecret: Bool) -> JSONObject {
        JSONObject([
            ("customKeyIdentifier", .null),
            ("displayName", credential.displayName.map(JSONValue.string) ?? .null),
            ("endDateTime", .string(credential.endDateTime)),
            ("hint", .string(credential.hint)),
            ("keyId", .string(credential.keyId)),
            ("secretText", withSecret ? .string(credential.secretText) : .null),
            ("startDateTime", .string(credential.startDateTime)),
        ])
    }

    static func servicePrincipalJSON(
        id: String, appId: String, displayName: String, type: String, tenantId: String, names: [String]
    ) -> JSONObject {
        JSONObject([
            ("id", .string(id)),
            ("appId", .string(appId)),
            ("displayName", .string(displayName)),
            ("appDisplayName", .string(displayName)),
            ("accountEnabled", true),
            ("servicePrincipalType", .string(type)),
            ("servicePrincipalNames", .array(names.map(JSONValue.string))),
            ("appOwnerOrganizationId", .string(tenantId)),
            ("keyCredentials", []),
            ("passwordCredentials", []),
            ("tags", []),
        ])
    }

    static func json(_ user: User) -> JSONObject {
        JSONObject([
            ("id", .string(user.objectId)),
            ("userPrincipalName", .string(user.userPrincipalName)),
            ("displayName", .string(user.displayName)),
            ("mail", .string(user.userPrincipalName)),
            ("accountEnabled", true),
            ("businessPhones", []),
            ("givenName", .null),
            ("surname", .null),
            ("jobTitle", .null),
            ("mobilePhone", .null),
            ("officeLocation", .null),
            ("preferredLanguage", .null),
        ])
    }

    static func json(_ group: Group) -> JSONObject {
        JSONObject([
            ("id", .string(group.objectId)),
            ("displayName", .string(group.displayName)),
            ("mailNickname", .string(group.mailNickname)),
            ("description", group.description.map(JSONValue.string) ?? .null),
            ("createdDateTime", .string(group.createdDateTime)),
            ("groupTypes", []),
            ("mail", .null),
            ("mailEnabled", .bool(group.mailEnabled)),
            ("securityEnabled", .bool(group.securityEnabled)),
            ("visibility", .null),
        ])
    }

    /// Any directory object by id with its `@odata.type` (getByIds, group members), or nil.
    func directoryObjectJSON(_ id: String, types: Set<String> = [], baseURL: String) -> JSONObject? {
        let wanted = id.lowercased()
        func typed(_ type: String, _ object: JSONObject) -> JSONObject? {
            guard types.isEmpty || types.contains(type.lowercased()) else { return nil }
            var json = JSONObject([("@odata.type", .string("#microsoft.graph." + type))])
            for (key, value) in object.pairs { json[key] = value }
            return json
        }
        if let object = servicePrincipalObjects().first(where: { $0.id == wanted }) { return typed("servicePrincipal", object.json) }
        if let user = directory.user(objectId: wanted) { return typed("user", Self.json(user)) }
        if let group = directory.group(objectId: wanted) { return typed("group", Self.json(group)) }
        if let application = directory.application(objectId: wanted) { return typed("application", Self.json(application)) }
        return nil
    }
}
