import ARMCore
import Foundation
import Identity
import JSON

/// Workspaces CRUD and lists (docs/azure-behaviours.md "Workspaces", "Workspaces: soft delete"). PUT answers 200 (the SDKs reject 201);
/// DELETE answers 200, or 204 when there is nothing to delete.
extension MachineLearningServicesProvider {
    var workspaceRoutes: [Route] {
        let item = Self.workspacePattern
        let read = "Microsoft.MachineLearningServices/workspaces/read"
        let write = "Microsoft.MachineLearningServices/workspaces/write"
        return [
            Route("PUT", item, operationID: "Workspaces_CreateOrUpdate", action: write) { request, parameters in
                try await createOrUpdateWorkspace(request, parameters)
            },
            Route("GET", item, operationID: "Workspaces_Get", action: read) { request, parameters in
                .ok(.object(render(try requireWorkspace(request))))
            },
            Route("PATCH", item, operationID: "Workspaces_Update", action: write) { request, parameters in
                try updateWorkspace(request, parameters)
            },
            Route("DELETE", item, operationID: "Workspaces_Delete", action: "Microsoft.MachineLearningServices/workspaces/delete") {
                request, parameters in try await deleteWorkspace(request, parameters)
            },
            Route(
                "GET", Self.resourceGroupPattern + "/providers/Microsoft.MachineLearningServices/workspaces",
                operationID: "Workspaces_ListByResourceGroup", action: read
            ) { request, parameters in
                try listWorkspaces(request, under: request.resourceID)
            }.filteringByReadAccess(),
            Route(
                "GET", "/subscriptions/{subscriptionId}/providers/Microsoft.MachineLearningServices/workspaces",
                operationID: "Workspaces_ListBySubscription", action: read
            ) { request, parameters in
                try listWorkspaces(request, under: .subscription(parameters.required("subscriptionId")))
            }.filteringByReadAccess(),
        ]
    }

    /// Lists page with `nextLink`; `kind` filters case-insensitively (TypeSpec list parameter).
    func listWorkspaces(_ request: ARMRequest, under scope: ResourceID) throws -> ARMResponse {
        let kind = request.query["kind"].map { WorkspaceKind($0) }
        if let kind, kind == nil { throw ARMError.invalidWorkspaceKind(request.query["kind"] ?? "") }
        return try Pager(request: request).list(store, under: scope, types: [Self.workspaceType]) { resource in
            guard let wanted = kind ?? nil else { return true }
            return WorkspaceKind.of(resource.body) == wanted
        } render: {
            .object(render($0))
        }
    }

    // MARK: rendering

    /// What clients see: the stored body, and for a project the values it inherits from its hub
    /// as they are now (storage, key vault, registry, network, public access, encryption; docs/azure-behaviours.md "Hub and project
    /// rules"). Application Insights is inherited unless the project set its own.
    func render(_ workspace: StoredResource) -> JSONObject {
        var body = workspace.body
        guard let hub = hub(of: body), var properties = body["properties"]?.objectValue,
            let hubProperties = hub.body["properties"]?.objectValue
        else { return body }
        for key in Workspace.inheritedProperties {
            if key == "applicationInsights", properties[key] != nil { continue }
            properties[key] = hubProperties[key]
        }
        body["location"] = hub.body["location"]
        body["properties"] = .object(properties)
        return body
    }

    // MARK: PUT

    func createOrUpdateWorkspace(_ request: ARMRequest, _ parameters: RouteParameters) async throws -> ARMResponse {
        let id = request.resourceID
        guard Self.isValidWorkspaceChildName(id.name) else { throw ARMError.invalidWorkspaceChildName(id.name, type: Self.workspaceType) }
        if store.contains(softDeletedID(id)) { throw ARMError.workspaceSoftDeleted(id.name) }
        var workspace = try Workspace(input: try request.jsonBody(), id: id, existing: store.get(id))
        let dependents = try resolveLinks(of: &workspace, caller: request.caller)
        let identityTypes = try workspace.identityTypes()
        // If-Match/If-None-Match first, so a failed precondition leaves no dependent or identity behind.
        try request.precondition?.check(workspace.existing)

        // Everything is valid: side effects from here on. The ML service creates what the workspace
        // needs before the workspace is written, so a refusal leaves no workspace behind.
        try await createDependents(dependents, location: workspace.location, for: request)
        let identity = identityBlock(identityTypes, input: workspace.input["identity"], id: id, name: id.name)
        let workspaceId = workspace.existing?.body["properties"]?["workspaceId"]?.stringValue ?? newGUID()
        try await provisionNewProject(workspace, workspaceId: workspaceId, principalId: identity?["principalId"]?.stringValue, for: request)
        let (caller, date, synchronous) = (request.caller, now(), operations.isSynchronous)
        let write = try store.upsert(id, precondition: request.precondition) { current in
            workspace.stored(
                over: current, workspaceId: workspaceId, identity: identity, caller: caller, at: date, synchronous: synchronous)
        }
        if let hubID = workspace.hubID, write.created { associateProject(id, hubID: hubID) }
        return try answerWorkspaceWrite(write, location: workspace.location, for: request)
    }

    /// The checks that need the store: a project's hub (after ARM's linked access check), a hub's
    /// or default workspace's location, dependents and network. Answers the dependents to create.
    func resolveLinks(of workspace: inout Workspace, caller: Caller?) throws -> PendingDependents {
        var dependents = PendingDependents()
        if workspace.kind == .project {
            try checkHubJoin(workspace.properties["hubResourceId"], project: workspace.id, caller: caller)
            try workspace.join(
                hub: try projectHub(workspace.properties["hubResourceId"], subscriptionID: workspace.id.subscriptionID ?? ""))
        } else {
            try workspace.locate()
            let id = workspace.id
            try validateOwnedDependents(
                &workspace.properties, name: id.name, group: ResourceID(subscriptionID: id.subscriptionID, resourceGroup: id.resourceGroup),
                location: workspace.location, existing: workspace.existing, into: &dependents)
            try workspace.configureNetwork()
        }
        return dependents
    }

    /// A new project's containers and role assignment; its identity goes with a refusal.
    func provisionNewProject(_ workspace: Workspace, workspaceId: String, principalId: String?, for request: ARMRequest) async throws {
        guard let hubID = workspace.hubID, workspace.existing == nil else { return }
        do {
            try await provisionProject(workspace.id, workspaceId: workspaceId, principalId: principalId, hubID: hubID, for: request)
        } catch {
            directory.removeSystemAssignedIdentity(forResourceId: workspace.id.description)
            throw error
        }
    }

    /// 200 with the workspace, or with a provisioning delay 202 + Location (final state via
    /// location, docs/azure-behaviours.md "Machine Learning api-versions and status codes"): the
    /// first poll that finds the operation done gets the workspace.
    func answerWorkspaceWrite(_ write: ResourceStore.Write, location: String, for request: ARMRequest) throws -> ARMResponse {
        let id = write.resource.id
        if operations.isSynchronous { return .ok(.object(render(write.resource))) }
        let handle = operations.beginProducing(
            for: request, namespace: Self.namespace, location: location, kind: write.created ? .create : .update, resourceID: id
        ) { [self] in
            let done = try store.update(id) { body in
                guard var properties = body["properties"]?.objectValue else { return }
                properties["provisioningState"] = "Succeeded"
                body["properties"] = .object(properties)
            }
            return .object(render(done))
        }
        return ARMResponse(status: 202, headers: operations.headers(for: handle))
    }

    /// A project's hub (docs/azure-behaviours.md "Hub and project rules"): `hubResourceId`
    /// required, an existing hub in the project's subscription.
    func projectHub(_ hubResourceId: JSONValue?, subscriptionID: String) throws -> StoredResource {
        guard let hubText = hubResourceId?.stringValue, !hubText.isEmpty else { throw ARMError.projectHubResourceIdRequired }
        guard let hubID = ResourceID(hubText), hubID.fullType.lowercased() == Self.workspaceType.lowercased(),
            hubID.subscriptionID?.lowercased() == subscriptionID.lowercased(),
            let hub = store.get(hubID), WorkspaceKind.of(hub.body) == .hub
        else { throw ARMError.hubWorkspaceNotFound(hubText) }
        return hub
    }

    /// The linked access check ARM makes for a project (docs/azure-behaviours.md "Hub and project rules", "Denials"): creating or updating
    /// a project needs `workspaces/hubs/join/action` on the hub it names, which the AzureML and
    /// Azure AI roles grant through `workspaces/*/action`. Checked on the id as given, before the
    /// RP validates it (ARM checks first), so a missing hub is a 403 for a caller without access
    /// there and a 400 for one with it.
    func checkHubJoin(_ hubResourceId: JSONValue?, project: ResourceID, caller: Caller?) throws {
        guard let linkedAccess, let caller, let text = hubResourceId?.stringValue, let hubID = ResourceID(text) else { return }
        if !linkedAccess(caller, Self.hubJoinAction, hubID) {
            throw ARMError.linkedAuthorizationFailed(
                client: caller.clientName, objectId: caller.objectId, action: Self.workspaceType + "/write",
                scope: project.description, linkedAction: Self.hubJoinAction, linkedScope: hubID.description)
        }
    }

    static let hubJoinAction = "Microsoft.MachineLearningServices/workspaces/hubs/join/action"

    // MARK: PATCH

    func updateWorkspace(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        let input = try request.jsonBody()
        let update = try WorkspaceUpdate(input: input, workspace: workspace, rendered: render(workspace))
        let identity = update.identityTypes.map { identityBlock($0, input: input["identity"], id: workspace.id, name: workspace.id.name) }
        let (caller, date) = (request.caller, now())
        let updated = try store.update(workspace.id, precondition: request.precondition) { body in
            update.apply(to: &body, identity: identity, caller: caller, at: date)
        }
        return .ok(.object(render(updated)))
    }

    // MARK: DELETE

    /// Soft-deleted workspaces are remembered at subscription scope (they outlive their resource
    /// group in Azure too) so the name stays taken until purged (docs/azure-behaviours.md "Workspaces: soft delete").
    func softDeletedID(_ id: ResourceID) -> ResourceID {
        ResourceID(
            subscriptionID: id.subscriptionID ?? "", namespace: Self.namespace, types: ["deletedWorkspaces"],
            names: [(id.resourceGroup ?? "") + "~" + id.name])
    }

    func deleteWorkspace(_ request: ARMRequest, _ parameters: RouteParameters) async throws -> ARMResponse {
        let id = request.resourceID
        let purge = request.query["forceToPurge"]?.lowercased() == "true"
        guard let workspace = store.get(id) else {
            // Purging a soft-deleted workspace frees its name.
            if purge, try store.delete(softDeletedID(id)) != nil { return ARMResponse(status: 200) }
            return .noContent
        }
        try checkHasNoProjects(workspace)
        try request.precondition?.check(workspace)
        guard operations.isSynchronous else {
            // With --provisioning-delay: Deleting now, gone when the operation ends; 202 + Location.
            _ = try store.update(id) { body in
                guard var properties = body["properties"]?.objectValue else { return }
                properties["provisioningState"] = "Deleting"
                body["properties"] = .object(properties)
            }
            return await accepted(request, location: workspace.body["location"]?.stringValue ?? "", kind: .delete, resourceID: id) {
                [self] in try await removeWorkspace(workspace, purge: purge, for: request)
            }
        }
        try await removeWorkspace(workspace, purge: purge, for: request)
        return ARMResponse(status: 200)
    }

    /// A hub goes only once its projects are gone.
    func checkHasNoProjects(_ workspace: StoredResource) throws {
        guard WorkspaceKind.of(workspace.body) == .hub else { return }
        let projects = (workspace.body["properties"]?["associatedWorkspaces"]?.arrayValue ?? [])
            .compactMap { $0.stringValue }.filter { ResourceID($0).map(store.contains) ?? false }
        if !projects.isEmpty { throw ARMError.hubHasProjects(workspace.id.name, projects: projects) }
    }

    /// Removes a workspace and what goes with it: children, connection secrets, the hub's link to a
    /// project, a project's role assignment, the system-assigned identity; remembers it as
    /// soft-deleted unless purged. What belongs to other providers goes through the pipeline as
    /// the ML service, on behalf of `request`.
    func removeWorkspace(_ workspace: StoredResource, purge: Bool, for request: ARMRequest) async throws {
        let removed = store.removeAll(under: workspace.id)
        try await cleanUp(after: workspace, removedChildren: removed, purge: purge, for: request)
    }

    /// What a workspace's removal must undo outside the workspace itself. `removedHub` is the
    /// project's hub when it left the store in the same step (a resource group deleted with both).
    func cleanUp(
        after workspace: StoredResource, removedChildren: [StoredResource], purge: Bool, removedHub: StoredResource? = nil,
        for request: ARMRequest
    ) async throws {
        let id = workspace.id
        for resource in removedChildren where resource.id.fullType.lowercased() == Self.workspaceType.lowercased() + "/connections" {
            if let reference = Self.secretReference(of: resource) { try? await deleteSecret(reference, for: request) }
        }
        if let hubText = workspace.body["properties"]?["hubResourceId"]?.stringValue, let hubID = ResourceID(hubText) {
            _ = try? store.update(hubID) { body in
                guard var properties = body["properties"]?.objectValue else { return }
                let remaining = (properties["associatedWorkspaces"]?.arrayValue ?? []).filter {
                    $0.stringValue?.lowercased() != id.key
                }
                properties["associatedWorkspaces"] = .array(remaining)
                body["properties"] = .object(properties)
            }
            await removeProjectRoleAssignment(projectID: id, workspace: workspace, removedHub: removedHub, for: request)
        }
        directory.removeSystemAssignedIdentity(forResourceId: id.description)
        if !purge {
            try store.put(
                softDeletedID(id), body: ["id": .string(softDeletedID(id).description), "name": .string(id.name)],
                bodyETag: false)
        }
    }
}
