import ARMCore
import JSON

/// The deployment and model operations shared by connection and endpoint routes.
extension ControlPlaneProxy {
    /// `^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$` (docs/azure-behaviours.md "Hub control-plane proxy routes": no dots, unlike account deployment
    /// names).
    static func isValidDeploymentName(_ name: String) -> Bool {
        let characters = Array(name)
        guard (3...33).contains(characters.count), characters[0].isASCII, characters[0].isLetter || characters[0].isNumber else {
            return false
        }
        return characters.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }

    /// The lower-cased `name` of a resource, the paging key of proxied lists.
    static func nameKey(_ value: JSONValue) -> String {
        value["name"]?.stringValue?.lowercased() ?? ""
    }

    func listDeployments(_ request: ARMRequest, target: ProxyTarget, parent: ResourceID, typeName: String) async throws -> ARMResponse {
        switch try await forwardList(target, suffix: "/deployments", request: request) {
        case .failure(let reply): return reply.passedThrough
        case .success(let deployments):
            let items: [JSONValue] = deployments.map { deployment in
                Self.workspaceDeployment(deployment, parent: parent, childType: "deployments", typeName: typeName)
            }
            let sorted = items.sorted { Self.nameKey($0) < Self.nameKey($1) }
            return try Pager(request: request).list(sorted, key: Self.nameKey, render: { $0 })
        }
    }

    func getDeployment(
        _ request: ARMRequest, _ name: String, target: ProxyTarget, parent: ResourceID, typeName: String
    ) async throws -> ARMResponse {
        let reply = try await forward("GET", to: target, suffix: "/deployments/" + name, request: request)
        guard reply.isSuccess, let body = reply.body else { return reply.passedThrough }
        return .ok(Self.workspaceDeployment(body, parent: parent, childType: "deployments", typeName: typeName))
    }

    /// PUT through to the account. The account answers 201 (created) or 200; `createdStatus` is
    /// what the workspace operation answers for a creation (connections: 201; endpoints, whose
    /// spec has no 201: 200). A target's asynchronous answer loses its polling headers: the client
    /// then reads the proxied resource until `provisioningState` is terminal.
    func putDeployment(
        _ request: ARMRequest, _ name: String, target: ProxyTarget, parent: ResourceID, typeName: String, createdStatus: Int
    ) async throws -> ARMResponse {
        guard Self.isValidDeploymentName(name) else { throw ARMError.invalidProxyDeploymentName(name) }
        let body = try Self.accountDeploymentBody(from: try request.jsonBody())
        let reply = try await forward("PUT", to: target, suffix: "/deployments/" + name, request: request, body: .object(body))
        guard reply.isSuccess, let answer = reply.body else { return reply.passedThrough }
        let status = reply.status == 201 ? createdStatus : 200
        let rewritten = Self.workspaceDeployment(answer, parent: parent, childType: "deployments", typeName: typeName)
        return ARMResponse(status: status, body: rewritten)
    }

    /// DELETE through to the account: 204 once gone (the specs allow 202 and 204, not 200), 202
    /// while the account is still deleting it.
    func deleteDeployment(_ request: ARMRequest, _ name: String, target: ProxyTarget) async throws -> ARMResponse {
        let reply = try await forward("DELETE", to: target, suffix: "/deployments/" + name, request: request)
        guard reply.isSuccess else { return reply.passedThrough }
        return reply.status == 202 ? ARMResponse(status: 202) : .noContent
    }

    /// `EndpointModels` of the account.
    func listModels(_ request: ARMRequest, target: ProxyTarget, connectionID: ResourceID?) async throws -> ARMResponse {
        switch try await forwardList(target, suffix: "/models", request: request) {
        case .failure(let reply): return reply.passedThrough
        case .success(let models):
            let objects: [JSONObject] = models.compactMap { model in Self.endpointModel(model, connectionID: connectionID).objectValue }
            let items = objects.sorted { Self.modelKey($0) < Self.modelKey($1) }
            return try Pager(request: request).list(items, key: Self.modelKey, render: { .object($0) })
        }
    }
}
