import ARMCore
import JSON

/// `{workspace}/endpoints[/{e}]`, `endpoints/{e}/listKeys`, `endpoints/{e}/models`,
/// `endpoints/{e}/deployments[/{d}]` and `{workspace}/deployments` (docs/azure-behaviours.md "Hub control-plane proxy routes").
///
/// Endpoints written with PUT are stored under the workspace. The built-in `Azure.OpenAI`
/// endpoint (EMULATOR CHOICE): a workspace that sees an AzureOpenAI / AIServices connection and
/// has no stored endpoint of that name shows one derived from the first such connection (by
/// name), as AI Studio shows the hub's default AI services endpoint. A stored endpoint reaches its
/// `associatedResourceId` at the resource manager URL of a visible connection to the same account,
/// else at this emulator.
extension ControlPlaneProxy {
    static let builtInEndpointName = "Azure.OpenAI"
    static let servedEndpointTypes = ["Azure.OpenAI", "Azure.Speech", "Azure.ContentSafety", "Azure.Llama"]
    static let knownEndpointTypes = servedEndpointTypes + ["managedOnlineEndpoint", "serverlessEndpoint"]

    var endpointRoutes: [Route] {
        let collection = Self.workspacePattern + "/endpoints"
        let item = collection + "/{endpointName}"
        let deployments = item + "/deployments"
        let action = "Microsoft.MachineLearningServices/workspaces/endpoints/"
        return [
            Route("GET", collection, operationID: "Endpoint_List", action: action + "read") { request, parameters in
                let workspace = try requireWorkspace(request)
                let wanted = request.query["endpointType"]?.lowercased()
                let items = endpoints(of: workspace).map(\.body).filter {
                    wanted == nil || $0["properties"]?["endpointType"]?.stringValue?.lowercased() == wanted
                }
                return try Pager(request: request).list(
                    items, key: { $0["name"]?.stringValue?.lowercased() ?? "" }, render: { .object($0) })
            },
            Route("GET", item, operationID: "Endpoint_Get", action: action + "read") { request, parameters in
                let workspace = try requireWorkspace(request)
                return .ok(.object(try endpoint(parameters.required("endpointName"), in: workspace).body))
            },
            Route("PUT", item, operationID: "Endpoint_CreateOrUpdate", action: action + "write") { request, parameters in
                try putEndpoint(request, parameters)
            },
            Route("POST", item + "/listKeys", operationID: "Endpoint_ListKeys", action: action + "listKeys/action") { request, parameters in
                let target = try endpointTarget(request, parameters)
                let reply = try await forward("POST", to: target, suffix: "/listKeys", request: request)
                guard reply.isSuccess else { return reply.passedThrough }
                // `EndpointKeys` (docs/azure-behaviours.md "Hub control-plane proxy routes"): the account's two keys under `keys`.
                return .ok(["keys": .object(JSONObject([("key1", reply.body?["key1"] ?? .null), ("key2", reply.body?["key2"] ?? .null)]))])
            },
            Route("GET", item + "/models", operationID: "Endpoint_GetModels", action: action + "models/read") { request, parameters in
                try await listModels(request, target: try endpointTarget(request, parameters), connectionID: nil)
            },
            Route("GET", deployments, operationID: "EndpointDeployment_List", action: action + "deployments/read") { request, parameters in
                let (target, parent) = try endpointContext(request, parameters)
                return try await listDeployments(request, target: target, parent: parent, typeName: Self.endpointDeploymentType)
            },
            Route("GET", deployments + "/{deploymentName}", operationID: "EndpointDeployment_Get", action: action + "deployments/read") {
                request, parameters in
                let (target, parent) = try endpointContext(request, parameters)
                return try await getDeployment(
                    request, parameters.required("deploymentName"), target: target, parent: parent, typeName: Self.endpointDeploymentType)
            },
            Route(
                "PUT", deployments + "/{deploymentName}", operationID: "EndpointDeployment_CreateOrUpdate",
                action: action + "deployments/write"
            ) { request, parameters in
                let (target, parent) = try endpointContext(request, parameters)
                // EndpointDeployment_CreateOrUpdate answers 200 or 202, never 201 (docs/azure-behaviours.md "Hub control-plane proxy
                // routes").
                return try await putDeployment(
                    request, parameters.required("deploymentName"), target: target, parent: parent,
                    typeName: Self.endpointDeploymentType, createdStatus: 200)
            },
            Route(
                "DELETE", deployments + "/{deploymentName}", operationID: "EndpointDeployment_Delete",
                action: action + "deployments/delete"
            ) { request, parameters in
                let (target, _) = try endpointContext(request, parameters)
                return try await deleteDeployment(request, parameters.required("deploymentName"), target: target)
            },
            Route(
                "GET", Self.workspacePattern + "/deployments", operationID: "EndpointDeployment_GetInWorkspace",
                action: "Microsoft.MachineLearningServices/workspaces/deployments/read"
            ) { request, parameters in
                try await workspaceDeployments(request, parameters)
            },
        ]
    }

    /// An endpoint as the workspace shows it, with the account it reaches (nil for types the
    /// proxy does not forward).
    struct ResolvedEndpoint {
        var body: JSONObject
        var target: ProxyTarget?
    }

    /// Stored endpoints plus the built-in `Azure.OpenAI` one, sorted by name.
    func endpoints(of workspace: StoredResource) -> [ResolvedEndpoint] {
        var items = store.children(of: workspace.id, type: "endpoints").map { stored in
            ResolvedEndpoint(body: stored.body, target: storedTarget(stored.body, in: workspace))
        }
        if !items.contains(where: { $0.body["name"]?.stringValue?.lowercased() == Self.builtInEndpointName.lowercased() }),
            let builtIn = builtInEndpoint(of: workspace)
        {
            items.append(builtIn)
        }
        return items.sorted { ($0.body["name"]?.stringValue?.lowercased() ?? "") < ($1.body["name"]?.stringValue?.lowercased() ?? "") }
    }

    func endpoint(_ name: String, in workspace: StoredResource) throws -> ResolvedEndpoint {
        if let stored = store.get(workspace.id.child(type: "endpoints", name: name)) {
            return ResolvedEndpoint(body: stored.body, target: storedTarget(stored.body, in: workspace))
        }
        if name.lowercased() == Self.builtInEndpointName.lowercased(), let builtIn = builtInEndpoint(of: workspace) { return builtIn }
        throw ARMError.workspaceChildNotFound("Endpoint", name: name, workspace: workspace.id.name)
    }

    /// The account a stored endpoint reaches, and where.
    func storedTarget(_ body: JSONObject, in workspace: StoredResource) -> ProxyTarget? {
        guard let text = body["properties"]?["associatedResourceId"]?.stringValue, let id = ResourceID(text) else { return nil }
        let viaConnection = modelConnections(of: workspace).compactMap { try? target(of: $0) }.first { $0.accountID == id }
        return ProxyTarget(
            accountID: id, resourceManagerURL: viaConnection?.resourceManagerURL,
            endpointURI: body["properties"]?["endpointUri"]?.stringValue ?? viaConnection?.endpointURI)
    }

    /// `Azure.OpenAI` from the first model connection whose account can be told.
    func builtInEndpoint(of workspace: StoredResource) -> ResolvedEndpoint? {
        for connection in modelConnections(of: workspace) {
            guard let target = try? target(of: connection) else { continue }
            let category = connection.body["properties"]?["category"]?.stringValue?.lowercased()
            var properties = JSONObject()
            properties["name"] = .string(Self.builtInEndpointName)
            properties["endpointType"] = .string(Self.builtInEndpointName)
            properties["associatedResourceId"] = .string(target.accountID.description)
            properties["endpointUri"] = target.endpointURI.map(JSONValue.string) ?? .null
            properties["shouldCreateAiServicesEndpoint"] = .bool(category == "aiservices")
            properties["provisioningState"] = "Succeeded"
            var body = JSONObject([
                ("id", .string(workspace.id.child(type: "endpoints", name: Self.builtInEndpointName).description)),
                ("name", .string(Self.builtInEndpointName)), ("type", .string(Self.endpointType)), ("properties", .object(properties)),
            ])
            body["systemData"] = connection.body["systemData"] ?? .null
            body["etag"] = connection.body["etag"] ?? .string(connection.etag)
            return ResolvedEndpoint(body: body, target: target)
        }
        return nil
    }

    func endpointTarget(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ProxyTarget {
        try endpointContext(request, parameters).target
    }

    func endpointContext(_ request: ARMRequest, _ parameters: RouteParameters) throws -> (target: ProxyTarget, parent: ResourceID) {
        let workspace = try requireWorkspace(request)
        let name = parameters.required("endpointName")
        let resolved = try endpoint(name, in: workspace)
        let actualName = resolved.body["name"]?.stringValue ?? name
        guard let target = resolved.target else { throw ARMError.proxyAccountUnresolved("Endpoint", name: actualName) }
        return (target, workspace.id.child(type: "endpoints", name: actualName))
    }

    /// `^[a-zA-Z0-9][a-zA-Z0-9_.-]{2,32}$` (docs/azure-behaviours.md "Hub control-plane proxy routes": dots allowed, as in `Azure.OpenAI`).
    static func isValidEndpointName(_ name: String) -> Bool {
        let characters = Array(name)
        guard (3...33).contains(characters.count), characters[0].isASCII, characters[0].isLetter || characters[0].isNumber else {
            return false
        }
        return characters.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }
    }

    /// PUT an endpoint (200; docs/azure-behaviours.md "Hub control-plane proxy routes" allows 200/202). `endpointType` is required;
    /// account-backed types need `associatedResourceId` (`Azure.OpenAI` defaults to the built-in endpoint's
    /// account); online and serverless endpoints have their own routes here and answer 501.
    func putEndpoint(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        let name = parameters.required("endpointName")
        guard Self.isValidEndpointName(name) else { throw ARMError.invalidEndpointName(name) }
        let input = try request.jsonBody()
        guard let given = input["properties"] else { throw ARMError.workspaceMissingProperty("properties") }
        guard var properties = given.objectValue else {
            throw ARMError.workspaceInvalidValue("properties", value: given.kindName, allowed: ["an object"])
        }
        guard let typeText = properties["endpointType"]?.stringValue else {
            throw ARMError.workspaceMissingProperty("properties.endpointType")
        }
        guard let type = Self.knownEndpointTypes.first(where: { $0.lowercased() == typeText.lowercased() }) else {
            throw ARMError.workspaceInvalidValue("properties.endpointType", value: typeText, allowed: Self.knownEndpointTypes)
        }
        guard Self.servedEndpointTypes.contains(type) else { throw ARMError.proxyEndpointTypeNotImplemented(type) }
        properties["endpointType"] = .string(type)
        if let text = properties["associatedResourceId"]?.stringValue {
            let id = try ResourceID.parse(text, property: "properties.associatedResourceId")
            guard id.fullType.lowercased() == Self.accountType.lowercased() else {
                throw ARMError.workspaceInvalidValue(
                    "properties.associatedResourceId", value: text, allowed: ["a Microsoft.CognitiveServices/accounts id"])
            }
            properties["associatedResourceId"] = .string(id.description)
        } else if type == Self.builtInEndpointName, let builtIn = builtInEndpoint(of: workspace) {
            properties["associatedResourceId"] = builtIn.body["properties"]?["associatedResourceId"]
        } else {
            throw ARMError.proxyAccountUnresolved("Endpoint", name: name)
        }
        properties["name"] = .string(name)
        properties["provisioningState"] = "Succeeded"
        let id = workspace.id.child(type: "endpoints", name: name)
        let caller = request.caller
        let date = now()
        let write = try store.upsert(id, precondition: request.precondition) { current in
            let body = JSONObject([
                ("id", .string(id.description)), ("name", .string(current?.id.name ?? name)), ("type", .string(Self.endpointType)),
                ("properties", .object(properties)),
                ("systemData", .object(SystemData.make(caller: caller, at: date, previous: current?.body["systemData"]))),
            ])
            return (body, current?.privateState ?? JSONObject())
        }
        return .ok(.object(write.resource.body))
    }

    /// Every deployment of every endpoint the workspace shows (`endpointType` filters), each
    /// under its endpoint's id.
    func workspaceDeployments(_ request: ARMRequest, _ parameters: RouteParameters) async throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        let wanted = request.query["endpointType"]?.lowercased()
        var items: [(key: String, value: JSONValue)] = []
        for endpoint in endpoints(of: workspace) {
            guard let target = endpoint.target,
                wanted == nil || endpoint.body["properties"]?["endpointType"]?.stringValue?.lowercased() == wanted
            else { continue }
            let name = endpoint.body["name"]?.stringValue ?? ""
            let parent = workspace.id.child(type: "endpoints", name: name)
            switch try await forwardList(target, suffix: "/deployments", request: request) {
            case .failure(let reply): return reply.passedThrough
            case .success(let deployments):
                for deployment in deployments {
                    let value = Self.workspaceDeployment(
                        deployment, parent: parent, childType: "deployments", typeName: Self.endpointDeploymentType)
                    items.append((name.lowercased() + "/" + (value["name"]?.stringValue?.lowercased() ?? ""), value))
                }
            }
        }
        items.sort { $0.key < $1.key }
        return try Pager(request: request).list(items, key: { $0.key }, render: { $0.value })
    }
}
