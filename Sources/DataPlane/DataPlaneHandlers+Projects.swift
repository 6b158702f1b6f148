import ARMCore
import JSON

/// The Foundry project endpoint `{account}.services.ai.azure.com/api/projects/{project}`
/// (azure-ai-projects 2.x, `api-version=v1`): the account's deployments and the project's
/// connections. EMULATOR CHOICE for the data actions (docs/dataplane.md): `AIServices/...` names
/// like the one Azure reports for agents (`Microsoft.CognitiveServices/accounts/AIServices/agents/write`).
extension DataPlaneHandlers {
    static let projectActions = "Microsoft.CognitiveServices/accounts/AIServices/"
    static let deploymentType = "Microsoft.CognitiveServices/accounts/deployments"
    static let pageSize = 100

    var projectRoutes: [DataPlaneRoute] {
        let project = "api/projects/{projectName}"
        return [
            DataPlaneRoute(
                "GET", project + "/deployments", surface: .project, operationID: "Deployments_List",
                dataAction: Self.projectActions + "deployments/read", scope: .project
            ) { request in try listProjectDeployments(request) },
            DataPlaneRoute(
                "GET", project + "/deployments/{deploymentName}", surface: .project, operationID: "Deployments_Get",
                dataAction: Self.projectActions + "deployments/read", scope: .project
            ) { request in try getProjectDeployment(request) },
            DataPlaneRoute(
                "GET", project + "/connections", surface: .project, operationID: "Connections_List",
                dataAction: Self.projectActions + "connections/read", scope: .project
            ) { request in try listConnections(request) },
            DataPlaneRoute(
                "GET", project + "/connections/{connectionName}", surface: .project, operationID: "Connections_Get",
                dataAction: Self.projectActions + "connections/read", scope: .project
            ) { request in try getConnection(request, withCredentials: false) },
            DataPlaneRoute(
                "POST", project + "/connections/{connectionName}/getConnectionWithCredentials", surface: .project,
                operationID: "Connections_GetWithCredentials", dataAction: Self.projectActions + "connections/listSecrets/action",
                scope: .project
            ) { request in try getConnection(request, withCredentials: true) },
        ]
    }

    func listProjectDeployments(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let account = try request.requiredAccount
        let all = store.children(of: account.id, type: Self.deploymentType).map(ProjectDeployment.json).filter {
            ProjectDeployment.matches(
                $0, publisher: request.query["modelPublisher"], modelName: request.query["modelName"], type: request.query["deploymentType"]
            )
        }
        return .json(200, page(all, request: request))
    }

    func getProjectDeployment(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let name = try request.parameter("deploymentName")
        guard let deployment = store.get(try request.requiredAccount.id.child(type: "deployments", name: name)) else {
            throw DataPlaneError.projectResourceNotFound("Deployment", name)
        }
        return .json(200, ProjectDeployment.json(deployment))
    }

    /// The project's own connections, then the account's (shared with every project); the first of
    /// each type is its default unless one says `isDefault` (EMULATOR CHOICE, docs/dataplane.md).
    func connections(_ request: DataPlaneRequest) throws -> [(StoredResource, Bool)] {
        let account = try request.requiredAccount.id
        let project = account.child(type: "projects", name: try request.parameter("projectName"))
        var seen = Set<String>()
        let all = (store.children(of: project, type: "connections") + store.children(of: account, type: "connections")).filter {
            seen.insert($0.id.name.lowercased()).inserted
        }
        var defaults = Set<String>()
        for connection in all where connection.body["properties"]?["isDefault"]?.boolValue == true {
            defaults.insert(connection.id.key)
        }
        var typesWithDefault = Set(all.filter { defaults.contains($0.id.key) }.map(Self.connectionType))
        for connection in all where typesWithDefault.insert(Self.connectionType(connection)).inserted {
            defaults.insert(connection.id.key)
        }
        return all.map { ($0, defaults.contains($0.id.key)) }
    }

    static func connectionType(_ connection: StoredResource) -> String {
        (connection.body["properties"]?["category"]?.stringValue ?? "").lowercased()
    }

    func listConnections(_ request: DataPlaneRequest) throws -> DataPlaneAnswer {
        let type = request.query["connectionType"]?.lowercased()
        let onlyDefault = request.query["defaultConnection"]?.lowercased() == "true"
        let selected = try connections(request).filter { connection, isDefault in
            (type == nil || Self.connectionType(connection) == type) && (!onlyDefault || isDefault)
        }
        return .json(200, page(selected.map { ProjectConnection.json($0.0, isDefault: $0.1, withCredentials: false) }, request: request))
    }

    func getConnection(_ request: DataPlaneRequest, withCredentials: Bool) throws -> DataPlaneAnswer {
        let name = try request.parameter("connectionName").lowercased()
        guard let (connection, isDefault) = try connections(request).first(where: { $0.0.id.name.lowercased() == name }) else {
            throw DataPlaneError.projectResourceNotFound("Connection", try request.parameter("connectionName"))
        }
        return .json(200, ProjectConnection.json(connection, isDefault: isDefault, withCredentials: withCredentials))
    }

    /// `{"value":[...],"nextLink":...}` pages of `pageSize`; the link is absolute and keeps the
    /// query (filters, api-version) with `skip` (EMULATOR CHOICE: the service's token is opaque).
    func page(_ items: [JSONValue], request: DataPlaneRequest) -> JSONValue {
        let skip = max(0, Int(request.query["skip"] ?? "") ?? 0)
        let slice = Array(items.dropFirst(skip).prefix(Self.pageSize))
        var body: JSONObject = ["value": .array(slice)]
        if skip + slice.count < items.count {
            let kept = request.query.items.filter { $0.name.lowercased() != "skip" }.map {
                "\($0.name.addingQueryValueEncoding)=\($0.value.addingQueryValueEncoding)"
            }
            let query = (kept + ["skip=\(skip + slice.count)"]).joined(separator: "&")
            body["nextLink"] = .string(request.http.baseURL + request.http.path + "?" + query)
        }
        return .object(body)
    }
}
