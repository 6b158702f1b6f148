import ARMCore
import Foundation
import JSON

/// `workspaces/{ws}/serverlessEndpoints` and `workspaces/{ws}/onlineEndpoints` (docs/azure-behaviours.md "Serverless and online endpoints",
/// docs/azure-behaviours.md "Serverless and online endpoints") with minimal shapes: PUT 201/200, GET, PATCH 200, DELETE 202 (+ polling
/// headers) or 204, list, `listKeys`, `regenerateKeys`. Online deployments and `token` answer 501.
extension MachineLearningServicesProvider {
    var endpointRoutes: [Route] {
        var routes = [EndpointFlavor.serverless, EndpointFlavor.online].flatMap(endpointRoutes(for:))
        let deployments = Self.workspacePattern + "/onlineEndpoints/{endpointName}/deployments"
        let action = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/"
        routes += [
            Route("GET", deployments, operationID: "OnlineDeployments_List", action: action + "read") { _, _ in
                throw ARMError.notImplemented("OnlineDeployments_List")
            }.skippingResourceGroupCheck(),
            Route(
                "PUT", deployments + "/{deploymentName}", operationID: "OnlineDeployments_CreateOrUpdate",
                action: action + "write"
            ) { _, _ in
                throw ARMError.notImplemented("OnlineDeployments_CreateOrUpdate")
            }.skippingResourceGroupCheck(),
            Route("GET", deployments + "/{deploymentName}", operationID: "OnlineDeployments_Get", action: action + "read") { _, _ in
                throw ARMError.notImplemented("OnlineDeployments_Get")
            }.skippingResourceGroupCheck(),
            Route("DELETE", deployments + "/{deploymentName}", operationID: "OnlineDeployments_Delete", action: action + "delete") { _, _ in
                throw ARMError.notImplemented("OnlineDeployments_Delete")
            }.skippingResourceGroupCheck(),
            Route(
                "POST", Self.workspacePattern + "/onlineEndpoints/{endpointName}/token", operationID: "OnlineEndpoints_GetToken",
                action: "Microsoft.MachineLearningServices/workspaces/onlineEndpoints/token/action"
            ) { _, _ in
                throw ARMError.notImplemented("OnlineEndpoints_GetToken")
            }.skippingResourceGroupCheck(),
        ]
        return routes
    }

    func endpointRoutes(for flavor: EndpointFlavor) -> [Route] {
        let collection = Self.workspacePattern + "/" + flavor.collection
        let item = collection + "/{endpointName}"
        let action = "Microsoft.MachineLearningServices/workspaces/\(flavor.collection)/"
        return [
            Route("PUT", item, operationID: "\(flavor.group)_CreateOrUpdate", action: action + "write") { request, parameters in
                try putEndpoint(flavor, request, parameters)
            },
            Route("GET", item, operationID: "\(flavor.group)_Get", action: action + "read") { request, parameters in
                .ok(.object(try requireEndpoint(flavor, request, parameters).body))
            },
            Route("PATCH", item, operationID: "\(flavor.group)_Update", action: action + "write") { request, parameters in
                try patchEndpoint(flavor, request, parameters)
            },
            Route("DELETE", item, operationID: "\(flavor.group)_Delete", action: action + "delete") { request, parameters in
                let workspace = try requireWorkspace(request)
                let id = workspace.id.child(type: flavor.collection, name: parameters.required("endpointName"))
                guard let existing = store.get(id) else { return .noContent }
                try request.precondition?.check(existing)
                let store = self.store
                return await accepted(request, location: existing.body["location"]?.stringValue ?? "", kind: .delete, resourceID: id) {
                    _ = try store.delete(id)
                }
            },
            Route("GET", collection, operationID: "\(flavor.group)_List", action: action + "read") { request, parameters in
                let workspace = try requireWorkspace(request)
                let type = workspace.id.fullType + "/" + flavor.collection
                return try Pager(request: request).list(store, under: workspace.id, types: [type])
            },
            Route(
                "POST", item + "/listKeys", operationID: "\(flavor.group)_ListKeys",
                action: action + "listKeys/action"
            ) { request, parameters in
                .ok(Self.keys(of: try requireEndpoint(flavor, request, parameters)))
            },
            Route(
                "POST", item + "/regenerateKeys", operationID: "\(flavor.group)_RegenerateKeys",
                action: action + "regenerateKeys/action"
            ) { request, parameters in
                try regenerateEndpointKey(flavor, request, parameters)
            },
        ]
    }

    func requireEndpoint(_ flavor: EndpointFlavor, _ request: ARMRequest, _ parameters: RouteParameters) throws -> StoredResource {
        let workspace = try requireWorkspace(request)
        let name = parameters.required("endpointName")
        guard let endpoint = store.get(workspace.id.child(type: flavor.collection, name: name)) else {
            throw ARMError.workspaceChildNotFound("Endpoint", name: name, workspace: workspace.id.name)
        }
        return endpoint
    }

    static func keys(of endpoint: StoredResource) -> JSONValue {
        ["primaryKey": endpoint.privateState["primaryKey"] ?? .null, "secondaryKey": endpoint.privateState["secondaryKey"] ?? .null]
    }

    func putEndpoint(_ flavor: EndpointFlavor, _ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        let name = parameters.required("endpointName")
        try WorkspaceEndpoint.checkName(name, flavor: flavor)
        let id = workspace.id.child(type: flavor.collection, name: name)
        let endpoint = try WorkspaceEndpoint(input: try request.jsonBody(), id: id, flavor: flavor)
        let (caller, date) = (request.caller, now())
        let write = try store.upsert(id, precondition: request.precondition) { current in
            endpoint.stored(over: current, caller: caller, at: date)
        }
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }

    /// PATCH: `tags` replaced, `sku`/`identity`/`kind` replaced, `properties` merged (read-only
    /// ones kept).
    func patchEndpoint(_ flavor: EndpointFlavor, _ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let endpoint = try requireEndpoint(flavor, request, parameters)
        let input = try request.jsonBody()
        let tags = try input["tags"].map { try TagRules.validate($0) }
        var patch = input["properties"]?.objectValue ?? JSONObject()
        for key in ["provisioningState", "scoringUri", "swaggerUri", "inferenceEndpoint", "endpointState", "keys"] { patch[key] = nil }
        if let modeText = patch["authMode"]?.stringValue {
            guard let mode = flavor.authModes.first(where: { $0.lowercased() == modeText.lowercased() }) else {
                throw ARMError.workspaceInvalidValue("properties.authMode", value: modeText, allowed: flavor.authModes)
            }
            patch["authMode"] = .string(mode)
        }
        let caller = request.caller
        let date = now()
        let updated = try store.update(endpoint.id, precondition: request.precondition) { body in
            if let tags { body["tags"] = .object(tags) }
            for key in ["kind", "identity", "sku"] { if let value = input[key] { body[key] = value } }
            var properties = body["properties"]?.objectValue ?? JSONObject()
            properties.mergePatch(patch)
            body["properties"] = .object(properties)
            body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: body["systemData"]))
        }
        return .ok(.object(updated.body))
    }

    static let keyTypes = ["Primary", "Secondary"]

    func regenerateEndpointKey(_ flavor: EndpointFlavor, _ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let endpoint = try requireEndpoint(flavor, request, parameters)
        let input = try request.jsonBody()
        guard let typeText = input["keyType"]?.stringValue else { throw ARMError.workspaceMissingProperty("keyType") }
        guard let keyType = Self.keyTypes.first(where: { $0.lowercased() == typeText.lowercased() }) else {
            throw ARMError.workspaceInvalidValue("keyType", value: typeText, allowed: Self.keyTypes)
        }
        let value = input["keyValue"]?.stringValue ?? Self.newKey()
        let updated = try store.updateResource(endpoint.id) { resource in
            resource.privateState[keyType == "Primary" ? "primaryKey" : "secondaryKey"] = .string(value)
        }
        return .ok(Self.keys(of: updated))
    }
}
