import ARMCore
import Foundation
import JSON

/// Connections on accounts and on projects (docs/azure-behaviours.md "Account and project connections"), with the secret rules of workspace
/// connections: `credentials` are write-only (kept in private state, never in GET/list/PUT
/// answers) and come back only from `POST …/listsecrets`. PUT answers 200 only (the SDK raises
/// on 201); DELETE 200, or 204 when absent.
extension CognitiveServicesProvider {
    /// The resource a connection hangs on (an account or a project), or 404 `ParentResourceNotFound`.
    typealias ConnectionParent = @Sendable (ARMRequest, RouteParameters) throws -> ResourceID

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
        parent: String, operationPrefix: String, actionPrefix: String, type: String, parentID: @escaping ConnectionParent
    ) -> [Route] {
        let collection = parent + "/connections"
        let item = collection + "/{connectionName}"
        let id: ConnectionParent = { request, parameters in
            try parentID(request, parameters).child(type: "connections", name: parameters.required("connectionName"))
        }
        return [
            Route("GET", collection, operationID: "\(operationPrefix)_List", action: actionPrefix + "/read") { request, parameters in
                try listConnections(request, parent: parentID(request, parameters), type: type)
            },
            Route("PUT", item, operationID: "\(operationPrefix)_Create", action: actionPrefix + "/write") { request, parameters in
                try putConnection(request, parameters, type: type, parent: parentID)
            },
            Route("PATCH", item, operationID: "\(operationPrefix)_Update", action: actionPrefix + "/write") { request, parameters in
                let input = try request.jsonBody()
                let connectionID = try id(request, parameters)
                let (caller, date) = (request.caller, now())
                let updated = try store.updateResource(connectionID, precondition: request.precondition) { resource in
                    try AccountConnection.update(&resource, with: input, caller: caller, date: date)
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
            ) { request, parameters in
                .ok(.object(AccountConnection.withSecrets(try store.require(try id(request, parameters)))))
            },
        ]
    }

    /// `?category=` and `?target=` filter case-insensitively.
    func listConnections(_ request: ARMRequest, parent: ResourceID, type: String) throws -> ARMResponse {
        let category = request.query["category"]?.lowercased()
        let target = request.query["target"]?.lowercased()
        return try Pager(request: request).list(store, under: parent, types: [type]) { connection in
            (category == nil || connection.body["properties"]?["category"]?.stringValue?.lowercased() == category)
                && (target == nil || connection.body["properties"]?["target"]?.stringValue?.lowercased() == target)
        }
    }

    func putConnection(_ request: ARMRequest, _ parameters: RouteParameters, type: String, parent: ConnectionParent) throws -> ARMResponse {
        let name = parameters.required("connectionName")
        try AccountConnection.checkName(name)
        let input = try request.jsonBody()
        let id = try parent(request, parameters).child(type: "connections", name: name)
        let connection = try AccountConnection(
            id: id, type: type, input: input, existing: store.get(id), caller: request.caller, date: now())
        let write = try store.put(id, body: connection.body, privateState: connection.privateState, precondition: request.precondition)
        return .ok(.object(write.resource.body))
    }
}
