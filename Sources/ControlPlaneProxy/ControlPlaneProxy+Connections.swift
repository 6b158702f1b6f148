import ARMCore
import JSON

/// `{workspace}/connections/{c}/deployments[/{d}]`, `connections/{c}/models` and
/// `POST listConnectionModels` (docs/azure-behaviours.md "Hub control-plane proxy routes"), forwarded to the connection's account.
extension ControlPlaneProxy {
    var connectionRoutes: [Route] {
        let connection = Self.workspacePattern + "/connections/{connectionName}"
        let collection = connection + "/deployments"
        let item = collection + "/{deploymentName}"
        let action = "Microsoft.MachineLearningServices/workspaces/connections/deployments/"
        return [
            Route("GET", collection, operationID: "Connection_ListDeployments", action: action + "read") { request, parameters in
                let context = try connectionContext(request, parameters)
                return try await listDeployments(
                    request, target: context.target, parent: context.parent, typeName: Self.connectionDeploymentType)
            },
            Route("GET", item, operationID: "Connection_GetDeployment", action: action + "read") { request, parameters in
                let context = try connectionContext(request, parameters)
                return try await getDeployment(
                    request, parameters.required("deploymentName"), target: context.target, parent: context.parent,
                    typeName: Self.connectionDeploymentType)
            },
            Route("PUT", item, operationID: "Connection_CreateOrUpdateDeployment", action: action + "write") { request, parameters in
                let context = try connectionContext(request, parameters)
                // Connection_CreateOrUpdateDeployment answers 200 or 201 (docs/azure-behaviours.md "Hub control-plane proxy routes").
                return try await putDeployment(
                    request, parameters.required("deploymentName"), target: context.target, parent: context.parent,
                    typeName: Self.connectionDeploymentType, createdStatus: 201)
            },
            Route("DELETE", item, operationID: "Connection_DeleteDeployment", action: action + "delete") { request, parameters in
                let context = try connectionContext(request, parameters)
                return try await deleteDeployment(request, parameters.required("deploymentName"), target: context.target)
            },
            Route(
                "GET", connection + "/models", operationID: "Connection_GetModels",
                action: "Microsoft.MachineLearningServices/workspaces/connections/models/read"
            ) { request, parameters in
                let context = try connectionContext(request, parameters)
                return try await listModels(request, target: context.target, connectionID: context.parent)
            },
            Route(
                "POST", Self.workspacePattern + "/listConnectionModels", operationID: "Connection_GetAllModels",
                action: "Microsoft.MachineLearningServices/workspaces/listConnectionModels/action"
            ) { request, parameters in
                try await listAllConnectionModels(request, parameters)
            },
        ]
    }

    /// The workspace, the connection it sees, the account behind it and the workspace-scoped
    /// parent id of proxied resources (`{workspace in the path}/connections/{c}`).
    func connectionContext(_ request: ARMRequest, _ parameters: RouteParameters) throws -> (target: ProxyTarget, parent: ResourceID) {
        let workspace = try requireWorkspace(request)
        let connection = try connection(parameters.required("connectionName"), in: workspace)
        return (try target(of: connection), workspace.id.child(type: "connections", name: connection.id.name))
    }

    /// `EndpointModels` of every model connection the workspace sees, one entry per model version
    /// with the ids of the connections that offer it (`skus[].connectionIds`). A connection whose
    /// account cannot be told is left out; a target that fails fails the call.
    func listAllConnectionModels(_ request: ARMRequest, _ parameters: RouteParameters) async throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        var merged: [String: JSONObject] = [:]
        for connection in modelConnections(of: workspace) {
            guard let target = try? target(of: connection) else { continue }
            let connectionID = workspace.id.child(type: "connections", name: connection.id.name)
            switch try await forwardList(target, suffix: "/models", request: request) {
            case .failure(let reply): return reply.passedThrough
            case .success(let models):
                for model in models {
                    guard let entry = Self.endpointModel(model, connectionID: connectionID).objectValue else { continue }
                    let key = Self.modelKey(entry)
                    guard var existing = merged[key] else {
                        merged[key] = entry
                        continue
                    }
                    let first: [JSONValue] = existing["skus"]?.arrayValue ?? []
                    let second: [JSONValue] = entry["skus"]?.arrayValue ?? []
                    existing["skus"] = JSONValue.array(Self.mergedSkus(first, second))
                    merged[key] = existing
                }
            }
        }
        let items = merged.sorted { $0.key < $1.key }
        return try Pager(request: request).list(items, key: { $0.key }, render: { .object($0.value) })
    }

    static func modelKey(_ model: JSONObject) -> String {
        [model["format"], model["name"], model["version"]].map { $0?.stringValue?.lowercased() ?? "" }.joined(separator: "/")
    }

    /// SKUs of the same name unite their `connectionIds`.
    static func mergedSkus(_ first: [JSONValue], _ second: [JSONValue]) -> [JSONValue] {
        var result = first
        for sku in second {
            let name = sku["name"]?.stringValue?.lowercased()
            if let index = result.firstIndex(where: { $0["name"]?.stringValue?.lowercased() == name }),
                var object = result[index].objectValue
            {
                let ids = (object["connectionIds"]?.arrayValue ?? []) + (sku["connectionIds"]?.arrayValue ?? [])
                object["connectionIds"] = .array(ids)
                result[index] = .object(object)
            } else {
                result.append(sku)
            }
        }
        return result
    }
}
