import ARMCore
import Foundation
import JSON

/// Connections on accounts and on projects (docs/azure-behaviours.md "Account and project connections"), with the secret rules of workspace
/// connections: `credentials` are write-only (kept in private state, never in GET/list/PUT
/// answers) and come back only from `POST …/listsecrets`. PUT answers 200 only (the SDK raises
/// on 201); DELETE 200, or 204 when absent.
extension CognitiveServicesProvider {
    static let connectionAuthTypes = [
        "PAT", "ManagedIdentity", "UsernamePassword", "None", "SAS", "AccountKey", "ServicePrincipal", "AccessKey", "ApiKey",
        "CustomKeys", "OAuth2", "AAD",
    ]

    var connectionRoutes: [Route] {
        connectionRoutes(
            parent: Self.accountPattern, operationPrefix: "AccountConnections",
            actionPrefix: "Microsoft.CognitiveServices/accounts/connections",
            type: Self.accountConnectionType,
            parentID: { request, _ in
                try requireParentAccount(request, childType: Self.accountConnectionType, operation: "write").id
            })
            + connectionRoutes(
                parent: Self.accountPattern + "/projects/{projectName}", operationPrefix: "ProjectConnections",
                actionPrefix: "Microsoft.CognitiveServices/accounts/projects/connections", type: Self.projectConnectionType,
                parentID: { request, parameters in
                    let account = try requireParentAccount(request, childType: Self.projectConnectionType, operation: "write")
                    let project = account.id.child(type: "projects", name: parameters.required("projectName"))
                    guard store.contains(project) else {
                        throw ARMError.parentResourceNotFound(
                            operation: "write", childType: Self.projectConnectionType, parentID: project.description)
                    }
                    return project
                })
    }

    func connectionRoutes(
        parent: String, operationPrefix: String, actionPrefix: String, type: String,
        parentID: @escaping @Sendable (ARMRequest, RouteParameters) throws -> ResourceID
    ) -> [Route] {
        let collection = parent + "/connections"
        let item = collection + "/{connectionName}"
        let id: @Sendable (ARMRequest, RouteParameters) throws -> ResourceID = { request, parameters in
            try parentID(request, parameters).child(type: "connections", name: parameters.required("connectionName"))
        }
        return [
            Route("GET", collection, operationID: "\(operationPrefix)_List", action: actionPrefix + "/read") { request, parameters in
                let parent = try parentID(request, parameters)
                let category = request.query["category"]?.lowercased()
                let target = request.query["target"]?.lowercased()
                return try Pager(request: request).list(store, under: parent, types: [type]) { connection in
                    (category == nil || connection.body["properties"]?["category"]?.stringValue?.lowercased() == category)
                        && (target == nil || connection.body["properties"]?["target"]?.stringValue?.lowercased() == target)
                }
            },
            Route("PUT", item, operationID: "\(operationPrefix)_Create", action: actionPrefix + "/write") { request, parameters in
                let name = parameters.required("connectionName")
                guard Self.isValidConnectionName(name) else {
                    throw ARMError.invalidChildName(
                        name, kind: "connection",
                        rule: "It must be 3 to 33 letters, digits, '_' or '-', starting with a letter or digit.")
                }
                let input = try request.jsonBody()
                let connectionID = try id(request, parameters)
                let (properties, credentials) = try Self.connectionProperties(input["properties"], previous: nil)
                let existing = store.get(connectionID)
                var body = JSONObject([
                    ("id", .string(connectionID.description)), ("name", .string(name)), ("type", .string(type)),
                ])
                body["systemData"] = .object(SystemData.make(caller: request.caller, at: now(), previous: existing?.body["systemData"]))
                body["properties"] = .object(properties)
                let write = try store.put(
                    connectionID, body: body, privateState: ["credentials": credentials ?? .null], precondition: request.precondition)
                return .ok(.object(write.resource.body))
            },
            Route("PATCH", item, operationID: "\(operationPrefix)_Update", action: actionPrefix + "/write") { request, parameters in
                let input = try request.jsonBody()
                let connectionID = try id(request, parameters)
                let caller = request.caller
                let date = now()
                let updated = try store.updateResource(connectionID, precondition: request.precondition) { resource in
                    var merged = resource.body["properties"]?.objectValue ?? JSONObject()
                    if let patch = input["properties"]?.objectValue {
                        var patch = patch
                        patch["credentials"] = nil
                        merged.mergePatch(patch)
                        if let credentials = input["properties"]?["credentials"] { merged["credentials"] = credentials }
                    }
                    let (properties, credentials) = try Self.connectionProperties(
                        .object(merged), previous: resource.privateState["credentials"])
                    resource.body["properties"] = .object(properties)
                    resource.privateState["credentials"] = credentials ?? .null
                    resource.body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: resource.body["systemData"]))
                }
                return .ok(.object(updated.body))
            },
            Route("GET", item, operationID: "\(operationPrefix)_Get", action: actionPrefix + "/read") { request, parameters in
                .ok(.object(try store.require(try id(request, parameters)).body))
            },
            Route("DELETE", item, operationID: "\(operationPrefix)_Delete", action: actionPrefix + "/delete") { request, parameters in
                let connectionID = try id(request, parameters)
                guard let existing = store.get(connectionID) else { return .noContent }
                try request.precondition?.check(existing)
                try store.delete(connectionID)
                return ARMResponse(status: 200)
            },
            Route(
                "POST", item + "/listsecrets", operationID: "\(operationPrefix)_ListSecrets", action: actionPrefix + "/listsecrets/action"
            ) {
                request, parameters in
                let connection = try store.require(try id(request, parameters))
                var body = connection.body
                if let credentials = connection.privateState["credentials"], credentials != .null {
                    body["properties"]?["credentials"] = credentials
                }
                return .ok(.object(body))
            },
        ]
    }

    static func isValidConnectionName(_ name: String) -> Bool {
        isValidName(name, minimum: 3, maximum: 33, allowDot: false)
    }

    /// Validates `properties` (`authType` required and known; `category`/`target` strings) and
    /// splits off the write-only `credentials` (a PATCH without credentials keeps the old ones).
    static func connectionProperties(_ value: JSONValue?, previous: JSONValue?) throws -> (JSONObject, JSONValue?) {
        guard var properties = value?.objectValue else {
            throw ARMError.invalidResourceProperties("The connection property 'properties' is required.")
        }
        guard let authType = properties["authType"]?.stringValue else {
            throw ARMError.invalidResourceProperties("The connection property 'properties.authType' is required.")
        }
        guard let canonical = connectionAuthTypes.first(where: { $0.lowercased() == authType.lowercased() }) else {
            throw ARMError.invalidResourceProperties(
                "The authType '\(authType)' is invalid. Valid values are \(connectionAuthTypes.joined(separator: ", ")).")
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
