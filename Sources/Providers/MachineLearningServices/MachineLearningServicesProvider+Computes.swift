import ARMCore
import Foundation
import JSON

/// `workspaces/{ws}/computes` (docs/azure-behaviours.md "Computes"), ComputeInstance only: PUT 201/200, GET, DELETE
/// (`underlyingResourceAction` required) 200/204, list, and `start`/`stop`/`restart` (202 + polling
/// headers) moving `properties.properties.state`. A project sees its hub's compute instances as
/// well (they are shared across the hub, docs/azure-behaviours.md "Workspaces: kind") and can start or stop them through its own path.
extension MachineLearningServicesProvider {
    static let computeType = workspaceType + "/computes"

    var computeRoutes: [Route] {
        let collection = Self.workspacePattern + "/computes"
        let item = collection + "/{computeName}"
        let action = "Microsoft.MachineLearningServices/workspaces/computes/"
        var routes = [
            Route("PUT", item, operationID: "Compute_CreateOrUpdate", action: action + "write") { request, parameters in
                try putCompute(request, parameters)
            },
            Route("GET", item, operationID: "Compute_Get", action: action + "read") { request, parameters in
                .ok(.object(try visibleCompute(request, parameters).body))
            },
            Route("PATCH", item, operationID: "Compute_Update", action: action + "write") { _, _ in
                throw ARMError.notImplemented("Compute_Update")
            }.skippingResourceGroupCheck(),
            Route("DELETE", item, operationID: "Compute_Delete", action: action + "delete") { request, parameters in
                try deleteCompute(request, parameters)
            },
            Route("GET", collection, operationID: "Compute_List", action: action + "read") { request, parameters in
                let workspace = try requireWorkspace(request)
                var items = store.children(of: workspace.id, type: "computes")
                if let hub = hub(of: workspace.body) { items += store.children(of: hub.id, type: "computes") }
                items.sort { $0.id.key < $1.id.key }
                return try Pager(request: request).list(items, key: { $0.id.key }, render: { .object($0.body) })
            },
        ]
        for (verb, operation) in [("start", "Compute_Start"), ("stop", "Compute_Stop"), ("restart", "Compute_Restart")] {
            routes.append(
                Route("POST", item + "/" + verb, operationID: operation, action: action + verb + "/action") {
                    request, parameters in try await computeAction(verb, request, parameters)
                })
        }
        for (verb, operation) in [("listKeys", "Compute_ListKeys"), ("listNodes", "Compute_ListNodes")] {
            routes.append(
                Route("POST", item + "/" + verb, operationID: operation, action: action + verb + "/action") { _, _ in
                    throw ARMError.notImplemented(operation)
                }.skippingResourceGroupCheck())
        }
        return routes
    }

    /// The workspace's own compute, else its hub's.
    func visibleCompute(_ request: ARMRequest, _ parameters: RouteParameters) throws -> StoredResource {
        let workspace = try requireWorkspace(request)
        let name = parameters.required("computeName")
        if let own = store.get(workspace.id.child(type: "computes", name: name)) { return own }
        if let hub = hub(of: workspace.body), let shared = store.get(hub.id.child(type: "computes", name: name)) { return shared }
        throw ARMError.workspaceChildNotFound("Compute", name: name, workspace: workspace.id.name)
    }

    func putCompute(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        let id = workspace.id.child(type: "computes", name: parameters.required("computeName"))
        try ComputeResource.checkName(id.name)
        let compute = try ComputeResource(
            input: try request.jsonBody(), id: id, workspaceLocation: render(workspace)["location"]?.stringValue ?? "")
        let (caller, date) = (request.caller, now())
        let write = try store.upsert(id, precondition: request.precondition) { current in
            (compute.body(over: current, caller: caller, at: date), current?.privateState ?? JSONObject())
        }
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }

    static let underlyingResourceActions = ["Delete", "Detach"]

    func deleteCompute(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        guard let actionText = request.query["underlyingResourceAction"],
            Self.underlyingResourceActions.contains(where: { $0.lowercased() == actionText.lowercased() })
        else { throw ARMError.missingQueryParameter("underlyingResourceAction", allowed: Self.underlyingResourceActions) }
        let id = workspace.id.child(type: "computes", name: parameters.required("computeName"))
        return ARMResponse(status: try store.delete(id, precondition: request.precondition) == nil ? 204 : 200)
    }

    /// start: Stopped -> Running; stop: Running -> Stopped; restart: Running -> Running. Other
    /// starting states are refused with 409. Answers 202 with polling headers (spec: 202 only).
    func computeAction(_ verb: String, _ request: ARMRequest, _ parameters: RouteParameters) async throws -> ARMResponse {
        let compute = try visibleCompute(request, parameters)
        let state = compute.body["properties"]?["properties"]?["state"]?.stringValue ?? "Unknown"
        let next: String
        switch (verb, state) {
        case ("start", "Stopped"): next = "Running"
        case ("stop", "Running"): next = "Stopped"
        case ("restart", "Running"): next = "Running"
        default: throw ARMError.computeActionNotAllowed(verb, compute: compute.id.name, state: state)
        }
        let store = self.store
        let date = now()
        return await accepted(request, location: compute.body["location"]?.stringValue ?? "", kind: .action, resourceID: compute.id) {
            _ = try store.update(compute.id) { body in
                guard var properties = body["properties"]?.objectValue else { return }
                var instance = properties["properties"]?.objectValue ?? JSONObject()
                instance["state"] = .string(next)
                instance["lastOperation"] = [
                    "operationName": .string(verb.prefix(1).uppercased() + verb.dropFirst()),
                    "operationTime": .string(ARMTimestamp.string(from: date)), "operationStatus": "Succeeded",
                ]
                properties["properties"] = .object(instance)
                properties["modifiedOn"] = .string(ARMTimestamp.string(from: date))
                body["properties"] = .object(properties)
            }
        }
    }
}
