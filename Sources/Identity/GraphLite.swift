import ARMCore
import Foundation

/// The few Microsoft Graph v1.0 calls `az role assignment` and azure-identity users make, served
/// at the cloud's `microsoftGraphResourceId` (this server; real-clients.md §4):
/// service principals by `servicePrincipalNames/any(c:c eq '...')`, `appId eq` or id; users by
/// `userPrincipalName eq` or id; `directoryObjects/getByIds`; `me`. The object id Graph returns is
/// the `oid` of the principal's tokens. Managed identities are service principals of type
/// `ManagedIdentity`, as in Entra.
public struct GraphLite: Sendable {
    let directory: Directory

    public init(directory: Directory) {
        self.directory = directory
    }

    public var routes: [Route] {
        [
            Route("GET", "/v1.0/servicePrincipals", operationID: "Graph_ListServicePrincipals", action: nil) { request, _ in
                try listServicePrincipals(request)
            },
            Route("GET", "/v1.0/servicePrincipals/{id}", operationID: "Graph_GetServicePrincipal", action: nil) { request, parameters in
                let id = parameters.required("id")
                guard let object = servicePrincipalObjects(baseURL: request.baseURL).first(where: { $0.id == id.lowercased() }) else {
                    throw ARMError.graphResourceNotFound(id)
                }
                return .ok(single(object.json, type: "servicePrincipals", baseURL: request.baseURL))
            },
            Route("GET", "/v1.0/users", operationID: "Graph_ListUsers", action: nil) { request, _ in
                try listUsers(request)
            },
            Route("GET", "/v1.0/users/{id}", operationID: "Graph_GetUser", action: nil) { request, parameters in
                let id = parameters.required("id")
                guard let user = directory.user(objectId: id) ?? directory.user(userPrincipalName: id) else {
                    throw ARMError.graphResourceNotFound(id)
                }
                return .ok(single(Self.json(user), type: "users", baseURL: request.baseURL))
            },
            Route("POST", "/v1.0/directoryObjects/getByIds", operationID: "Graph_GetByIds", action: nil) { request, _ in
                try getByIds(request)
            },
            Route("GET", "/v1.0/me", operationID: "Graph_GetMe", action: nil) { request, _ in
                guard let caller = request.caller, caller.principalType == .user, let user = directory.user(objectId: caller.objectId)
                else {
                    throw ARMError.graphMeNeedsDelegatedToken
                }
                return .ok(single(Self.json(user), type: "users", baseURL: request.baseURL))
            },
        ]
    }

    struct GraphObject {
        let id: String
        let appId: String
        let displayName: String
        let json: JSONObject
    }

    func servicePrincipalObjects(baseURL: String) -> [GraphObject] {
        directory.servicePrincipals.map { principal in
            GraphObject(
                id: principal.objectId, appId: principal.appId, displayName: principal.displayName,
                json: Self.servicePrincipalJSON(
                    id: principal.objectId, appId: principal.appId, displayName: principal.displayName, type: "Application",
                    tenantId: principal.tenantId, names: [principal.appId]))
        }
            + directory.managedIdentities.map { identity in
                GraphObject(
                    id: identity.objectId, appId: identity.clientId, displayName: identity.displayName,
                    json: Self.servicePrincipalJSON(
                        id: identity.objectId, appId: identity.clientId, displayName: identity.displayName, type: "ManagedIdentity",
                        tenantId: identity.tenantId, names: [identity.clientId] + (identity.resourceId.map { [$0] } ?? [])))
            }
    }

    static func servicePrincipalJSON(
        id: String, appId: String, displayName: String, type: String, tenantId: String, names: [String]
    ) -> JSONObject {
        JSONObject([
            ("id", .string(id)),
            ("appId", .string(appId)),
            ("displayName", .string(displayName)),
            ("accountEnabled", true),
            ("servicePrincipalType", .string(type)),
            ("servicePrincipalNames", .array(names.map(JSONValue.string))),
            ("appOwnerOrganizationId", .string(tenantId)),
        ])
    }

    static func json(_ user: User) -> JSONObject {
        JSONObject([
            ("id", .string(user.objectId)),
            ("userPrincipalName", .string(user.userPrincipalName)),
            ("displayName", .string(user.displayName)),
            ("mail", .string(user.userPrincipalName)),
            ("accountEnabled", true),
        ])
    }

    func single(_ object: JSONObject, type: String, baseURL: String) -> JSONValue {
        var result = JSONObject([("@odata.context", .string(baseURL + "/v1.0/$metadata#\(type)/$entity"))])
        for (key, value) in object.pairs { result[key] = value }
        return .object(result)
    }

    func collection(_ objects: [JSONObject], type: String, baseURL: String) -> ARMResponse {
        .ok(
            .object(
                JSONObject([
                    ("@odata.context", .string(baseURL + "/v1.0/$metadata#\(type)")),
                    ("value", .array(objects.map(JSONValue.object))),
                ])))
    }

    /// `$filter`: `servicePrincipalNames/any(c:c eq 'X')`, `appId eq 'X'`, `displayName eq 'X'`,
    /// `id eq 'X'`; none lists all.
    func listServicePrincipals(_ request: ARMRequest) throws -> ARMResponse {
        let objects = servicePrincipalObjects(baseURL: request.baseURL)
        guard let filter = request.query["$filter"], !filter.isEmpty else {
            return collection(objects.map(\.json), type: "servicePrincipals", baseURL: request.baseURL)
        }
        let (field, value) = try Self.equality(filter)
        let wanted = value.lowercased()
        let matched = objects.filter { object in
            switch field {
            case "serviceprincipalnames":
                return (object.json["servicePrincipalNames"]?.arrayValue ?? []).contains { $0.stringValue?.lowercased() == wanted }
            case "appid": return object.appId == wanted
            case "displayname": return object.displayName.lowercased() == wanted
            case "id": return object.id == wanted
            default: return false
            }
        }
        guard ["serviceprincipalnames", "appid", "displayname", "id"].contains(field) else { throw ARMError.graphUnsupportedQuery(filter) }
        return collection(matched.map(\.json), type: "servicePrincipals", baseURL: request.baseURL)
    }

    /// `$filter`: `userPrincipalName eq 'X'`, `mail eq 'X'`, `displayName eq 'X'`; none lists all.
    func listUsers(_ request: ARMRequest) throws -> ARMResponse {
        let users = directory.users
        guard let filter = request.query["$filter"], !filter.isEmpty else {
            return collection(users.map(Self.json), type: "users", baseURL: request.baseURL)
        }
        let (field, value) = try Self.equality(filter)
        let wanted = value.lowercased()
        let matched: [User]
        switch field {
        case "userprincipalname", "mail": matched = users.filter { $0.userPrincipalName.lowercased() == wanted }
        case "displayname": matched = users.filter { $0.displayName.lowercased() == wanted }
        case "id": matched = users.filter { $0.objectId == wanted }
        default: throw ARMError.graphUnsupportedQuery(filter)
        }
        return collection(matched.map(Self.json), type: "users", baseURL: request.baseURL)
    }

    /// `POST directoryObjects/getByIds {"ids":[...],"types":[...]}`: the objects found, each with
    /// `@odata.type`; unknown ids are left out, as Graph does.
    func getByIds(_ request: ARMRequest) throws -> ARMResponse {
        let body = try request.jsonBody()
        guard let ids = body["ids"]?.arrayValue?.compactMap(\.stringValue) else {
            throw ARMError.graphBadRequest("The request body must have 'ids', an array of object ids.")
        }
        let types = Set((body["types"]?.arrayValue ?? []).compactMap { $0.stringValue?.lowercased() })
        let principals = servicePrincipalObjects(baseURL: request.baseURL)
        var result: [JSONObject] = []
        for id in ids {
            let wanted = id.lowercased()
            if types.isEmpty || types.contains("serviceprincipal"), let object = principals.first(where: { $0.id == wanted }) {
                var json = JSONObject([("@odata.type", "#microsoft.graph.servicePrincipal")])
                for (key, value) in object.json.pairs { json[key] = value }
                result.append(json)
            } else if types.isEmpty || types.contains("user"), let user = directory.user(objectId: wanted) {
                var json = JSONObject([("@odata.type", "#microsoft.graph.user")])
                for (key, value) in Self.json(user).pairs { json[key] = value }
                result.append(json)
            }
        }
        return collection(result, type: "directoryObjects", baseURL: request.baseURL)
    }

    /// `field eq 'value'` or `field/any(c:c eq 'value')`: the lower-cased field and the value.
    static func equality(_ filter: String) throws -> (String, String) {
        let text = filter.trimmingCharacters(in: .whitespaces)
        func quoted(_ part: Substring) -> String? {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("'"), trimmed.hasSuffix("'"), trimmed.count >= 2 else { return nil }
            return String(trimmed.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if let any = text.range(of: "/any(", options: .caseInsensitive), text.hasSuffix(")") {
            let field = text[..<any.lowerBound].lowercased()
            let inside = text[any.upperBound..<text.index(before: text.endIndex)]
            guard let eq = inside.range(of: " eq ", options: .caseInsensitive), let value = quoted(inside[eq.upperBound...]) else {
                throw ARMError.graphUnsupportedQuery(filter)
            }
            return (field, value)
        }
        guard let eq = text.range(of: " eq ", options: .caseInsensitive), let value = quoted(text[eq.upperBound...]) else {
            throw ARMError.graphUnsupportedQuery(filter)
        }
        return (text[..<eq.lowerBound].trimmingCharacters(in: .whitespaces).lowercased(), value)
    }
}
