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
        for key in Self.inheritedProperties {
            if key == "applicationInsights", properties[key] != nil { continue }
            properties[key] = hubProperties[key]
        }
        body["location"] = hub.body["location"]
        body["properties"] = .object(properties)
        return body
    }

    static let inheritedProperties = [
        "storageAccount", "keyVault", "containerRegistry", "applicationInsights", "managedNetwork", "publicNetworkAccess",
        "encryption", "enableServiceSideCMKEncryption", "hbiWorkspace",
    ]

    /// Read-only or service-maintained properties a client may echo back; the server's values win.
    static let serverProperties = [
        "workspaceId", "provisioningState", "mlFlowTrackingUri", "discoveryUrl", "tenantId", "privateLinkCount",
        "privateEndpointConnections", "notebookInfo", "storageHnsEnabled", "serviceProvisionedResourceGroup",
        "associatedWorkspaces",
    ]

    // MARK: PUT

    func createOrUpdateWorkspace(_ request: ARMRequest, _ parameters: RouteParameters) async throws -> ARMResponse {
        let name = parameters.required("workspaceName")
        guard Self.isValidWorkspaceChildName(name) else { throw ARMError.invalidWorkspaceChildName(name, type: Self.workspaceType) }
        let id = request.resourceID
        let group = ResourceID(subscriptionID: id.subscriptionID, resourceGroup: id.resourceGroup)
        if store.contains(softDeletedID(id)) { throw ARMError.workspaceSoftDeleted(name) }
        let input = try request.jsonBody()
        guard let kind = WorkspaceKind(input["kind"]?.stringValue) else {
            throw ARMError.invalidWorkspaceKind(input["kind"]?.stringValue ?? "")
        }
        let existing = store.get(id)
        if let existing, WorkspaceKind.of(existing.body) != kind {
            throw ARMError.workspaceKindImmutable(
                existing: existing.body["kind"]?.stringValue ?? "Default", requested: input["kind"]?.stringValue ?? "Default")
        }
        if kind == .featureStore { throw ARMError.notImplemented("Workspaces_CreateOrUpdate (kind FeatureStore)") }
        if let properties = input["properties"], properties.objectValue == nil {
            throw ARMError.workspaceInvalidValue("properties", value: properties.kindName, allowed: ["an object"])
        }
        var properties = input["properties"]?.objectValue ?? JSONObject()
        let tags = try TagRules.validate(input["tags"] ?? .object(JSONObject()))
        for key in Self.serverProperties { properties[key] = nil }
        if let access = properties["publicNetworkAccess"] {
            properties["publicNetworkAccess"] = .string(try Self.publicNetworkAccess(access))
        }

        let location: String
        var dependents = PendingDependents()
        var hubID: ResourceID?
        switch kind {
        case .project:
            try checkHubJoin(properties["hubResourceId"], project: id, caller: request.caller)
            let hub = try validateProject(&properties, input: input, existing: existing, subscriptionID: id.subscriptionID ?? "")
            hubID = hub.id
            location = hub.body["location"]?.stringValue ?? ""
        default:
            location = try Self.location(input["location"])
            if let existingLocation = existing?.body["location"]?.stringValue, existingLocation != location {
                throw ARMError.invalidResourceLocation(
                    name: name, existing: existingLocation, resourceGroup: group.name, requested: location)
            }
            try validateOwnedDependents(&properties, name: name, group: group, location: location, existing: existing, into: &dependents)
            properties["managedNetwork"] = .object(
                try Self.managedNetwork(
                    properties["managedNetwork"], existing: existing?.body["properties"]?["managedNetwork"]?.objectValue,
                    provisionNow: properties["provisionNetworkNow"]?.boolValue == true))
            if kind == .hub {
                properties["workspaceHubConfig"] =
                    properties["workspaceHubConfig"]
                    ?? ["additionalWorkspaceStorageAccounts": [], "defaultWorkspaceResourceGroup": .string(group.description)]
            }
        }
        let identityInput = input["identity"]
        let identityTypes = try Self.identityTypes(identityInput)

        // If-Match/If-None-Match first, so a failed precondition leaves no dependent or identity behind.
        try request.precondition?.check(existing)

        // Everything is valid: side effects from here on. The ML service creates what the workspace
        // needs before the workspace is written, so a refusal leaves no workspace behind.
        let caller = request.caller
        let date = now()
        try await createDependents(dependents, location: location, for: request)
        let identity = identityBlock(identityTypes, input: identityInput, id: id, name: name)
        let workspaceId = existing?.body["properties"]?["workspaceId"]?.stringValue ?? newGUID()
        if let hubID, existing == nil {
            do {
                try await provisionProject(
                    id, workspaceId: workspaceId, principalId: identity?["principalId"]?.stringValue, hubID: hubID, for: request)
            } catch {
                // The new project's identity goes with the refused PUT.
                directory.removeSystemAssignedIdentity(forResourceId: id.description)
                throw error
            }
        }
        let resourceGroupName = parameters.required("resourceGroupName")
        let synchronous = operations.isSynchronous
        let write = try store.upsert(id, precondition: request.precondition) { current in
            var filled = properties
            filled["workspaceId"] = .string(workspaceId)
            // With --provisioning-delay the workspace shows Creating/Updating until the operation ends.
            filled["provisioningState"] = .string(synchronous ? "Succeeded" : (current == nil ? "Creating" : "Updating"))
            filled["discoveryUrl"] = .string("https://\(location).api.azureml.ms/discovery")
            filled["mlFlowTrackingUri"] = .string(
                "azureml://\(location).api.azureml.ms/mlflow/v1.0/subscriptions/\(id.subscriptionID ?? "")/resourceGroups/"
                    + "\(resourceGroupName)/providers/Microsoft.MachineLearningServices/workspaces/\(name)")
            filled["tenantId"] = .string(caller?.tenantId ?? WellKnown.tenantId)
            filled["hbiWorkspace"] = filled["hbiWorkspace"] ?? false
            filled["v1LegacyMode"] = filled["v1LegacyMode"] ?? false
            filled["storageHnsEnabled"] = false
            filled["privateLinkCount"] = 0
            filled["privateEndpointConnections"] = []
            if kind.ownsDependents { filled["publicNetworkAccess"] = filled["publicNetworkAccess"] ?? "Enabled" }
            if kind == .hub {
                filled["associatedWorkspaces"] = current?.body["properties"]?["associatedWorkspaces"] ?? []
            }
            var body = JSONObject([
                ("id", .string(id.description)), ("name", .string(name)), ("type", .string(Self.workspaceType)),
                ("location", .string(location)), ("tags", .object(tags)),
                ("kind", .string(input["kind"]?.stringValue ?? "Default")),
                ("sku", input["sku"] ?? ["name": "Basic", "tier": "Basic"]),
            ])
            if let identity { body["identity"] = .object(identity) }
            body["properties"] = .object(filled)
            body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: current?.body["systemData"]))
            var privateState = current?.privateState ?? JSONObject()
            if privateState["storageKey"] == nil { privateState["storageKey"] = .string(Self.newStorageKey()) }
            return (body, privateState)
        }
        if let hubID, write.created { associateProject(id, hubID: hubID) }
        if synchronous { return .ok(.object(render(write.resource))) }
        // 202 + Location (final state via location, docs/azure-behaviours.md "Machine Learning api-versions and status codes"): the first
        // poll that finds the operation done gets the workspace.
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

    /// `location`: required for hubs and default workspaces, a known region, normalised.
    static func location(_ value: JSONValue?) throws -> String {
        guard let text = value?.stringValue, !text.isEmpty else { throw ARMError.missingLocation }
        guard let region = AzureRegion.lookup(text) else {
            throw ARMError.locationNotAvailableForResourceType(text, type: workspaceType, available: AzureRegion.allNames)
        }
        return region.name
    }

    /// `Enabled`/`Disabled`, any case. azure-ai-ml 1.35.2 sends `PublicNetworkAccessType.ENABLED`
    /// (an SDK bug, docs/azure-behaviours.md "What azure-ai-ml needs"), which is read as `Enabled`.
    static func publicNetworkAccess(_ value: JSONValue) throws -> String {
        let text = value.stringValue ?? ""
        let word = text.split(separator: ".").last.map(String.init)?.lowercased() ?? ""
        switch word {
        case "enabled": return "Enabled"
        case "disabled": return "Disabled"
        default: throw ARMError.workspaceInvalidValue("properties.publicNetworkAccess", value: text, allowed: ["Enabled", "Disabled"])
        }
    }

    /// The project rules (docs/azure-behaviours.md "Hub and project rules"): an existing hub in the same subscription, no dependents or
    /// managed network of its own, the hub's location, an immutable `hubResourceId`. Answers the hub and
    /// leaves only what the project itself owns in `properties`.
    func validateProject(
        _ properties: inout JSONObject, input: JSONObject, existing: StoredResource?, subscriptionID: String
    ) throws -> StoredResource {
        guard let hubText = properties["hubResourceId"]?.stringValue, !hubText.isEmpty else {
            throw ARMError.projectHubResourceIdRequired
        }
        // The hub must be in the project's subscription (docs/azure-behaviours.md "Hub and project rules").
        guard let hubID = ResourceID(hubText), hubID.fullType.lowercased() == Self.workspaceType.lowercased(),
            hubID.subscriptionID?.lowercased() == subscriptionID.lowercased(),
            let hub = store.get(hubID), WorkspaceKind.of(hub.body) == .hub
        else { throw ARMError.hubWorkspaceNotFound(hubText) }
        if let existingHub = existing?.body["properties"]?["hubResourceId"]?.stringValue,
            existingHub.lowercased() != hub.id.key
        {
            throw ARMError.hubResourceIdImmutable(existing: existingHub, requested: hubText)
        }
        let hubProperties = hub.body["properties"]?.objectValue ?? JSONObject()
        // A GET body sent back unchanged carries the inherited values: equal values are accepted.
        for key in ["storageAccount", "keyVault", "containerRegistry"] {
            guard let value = properties[key], value != .null else { continue }
            guard value.stringValue?.lowercased() == hubProperties[key]?.stringValue?.lowercased() else {
                throw ARMError.projectDependentResource(key)
            }
        }
        if let network = properties["managedNetwork"], !Self.isInheritedNetwork(network, hubNetwork: hubProperties["managedNetwork"]) {
            throw ARMError.projectManagedNetwork
        }
        if let locationText = input["location"]?.stringValue, !locationText.isEmpty {
            let hubLocation = hub.body["location"]?.stringValue ?? ""
            if AzureRegion.normalize(locationText) != hubLocation {
                throw ARMError.projectLocationMismatch(location: locationText, hubLocation: hubLocation)
            }
        }
        for key in Self.inheritedProperties where key != "applicationInsights" { properties[key] = nil }
        properties["hubResourceId"] = .string(hub.id.description)
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

    /// True when a project's `managedNetwork` is only its hub's, sent back: null, or the same
    /// isolation mode with no outbound rules other than the hub's.
    static func isInheritedNetwork(_ network: JSONValue, hubNetwork: JSONValue?) -> Bool {
        guard network != .null else { return true }
        guard network.objectValue != nil else { return false }
        if let mode = network["isolationMode"]?.stringValue?.lowercased(),
            mode != (hubNetwork?["isolationMode"]?.stringValue ?? "Disabled").lowercased()
        {
            return false
        }
        if let rules = network["outboundRules"], rules != .null, rules.objectValue?.isEmpty == false,
            rules != hubNetwork?["outboundRules"]
        {
            return false
        }
        return true
    }

    // MARK: PATCH

    /// The patchable properties of `WorkspaceUpdateParameters` (2025-12-01 plus previews; docs/azure-behaviours.md "Workspaces").
    static let patchableProperties: Set<String> = [
        "description", "friendlyName", "imageBuildCompute", "serviceManagedResourcesSettings", "primaryUserAssignedIdentity",
        "serverlessComputeSettings", "publicNetworkAccess", "applicationInsights", "containerRegistry", "featureStoreSettings",
        "managedNetwork", "enableDataIsolation", "systemDatastoresAuthMode", "v1LegacyMode", "encryption",
        "allowRoleAssignmentOnRG", "enableSoftwareBillOfMaterials", "ipAllowlist", "networkAcls", "softDeleteRetentionInDays",
    ]

    func updateWorkspace(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        let input = try request.jsonBody()
        let kind = WorkspaceKind.of(workspace.body)
        let current = workspace.body["properties"]?.objectValue ?? JSONObject()
        var patch = input["properties"]?.objectValue ?? JSONObject()
        for key in ["storageAccount", "keyVault", "hubResourceId"] {
            guard let value = patch[key] else { continue }
            if value.stringValue?.lowercased() != render(workspace)["properties"]?[key]?.stringValue?.lowercased() {
                throw key == "hubResourceId"
                    ? ARMError.hubResourceIdImmutable(existing: current[key]?.stringValue ?? "", requested: value.stringValue ?? "")
                    : ARMError.workspacePropertyImmutable(key)
            }
        }
        for key in patch.keys where !Self.patchableProperties.contains(key) { patch[key] = nil }
        if kind == .project {
            // Inherited values sent back as they are (azure-ai-ml's update PATCHes the whole entity it
            // got) are accepted and dropped; different ones are refused.
            let inherited = render(workspace)["properties"]?.objectValue ?? JSONObject()
            if let network = patch["managedNetwork"], !Self.isInheritedNetwork(network, hubNetwork: inherited["managedNetwork"]) {
                throw ARMError.projectManagedNetwork
            }
            for key in ["containerRegistry", "publicNetworkAccess", "encryption"] {
                guard let value = patch[key], value != .null else { continue }
                let given = key == "publicNetworkAccess" ? (try? Self.publicNetworkAccess(value)).map(JSONValue.string) : value
                let text = given?.stringValue?.lowercased()
                let matches = given == inherited[key] || (text != nil && text == inherited[key]?.stringValue?.lowercased())
                if !matches { throw ARMError.projectDependentResource(key) }
            }
            for key in Self.inheritedProperties where key != "applicationInsights" { patch[key] = nil }
        }
        if let access = patch["publicNetworkAccess"] { patch["publicNetworkAccess"] = .string(try Self.publicNetworkAccess(access)) }
        var merged = current
        merged.mergePatch(patch)
        if kind.ownsDependents, patch["managedNetwork"] != nil {
            merged["managedNetwork"] = .object(
                try Self.managedNetwork(merged["managedNetwork"], existing: current["managedNetwork"]?.objectValue, provisionNow: false))
        }
        let tags = try input["tags"].map { try TagRules.validate($0) }
        let identityTypes = try input["identity"].map { try Self.identityTypes($0) }
        let identity = identityTypes.map { identityBlock($0, input: input["identity"], id: workspace.id, name: workspace.id.name) }
        let caller = request.caller
        let date = now()
        let updated = try store.update(workspace.id, precondition: request.precondition) { body in
            body["properties"] = .object(merged)
            if let tags { body["tags"] = .object(tags) }
            if let sku = input["sku"] { body["sku"] = sku }
            if let identity { body["identity"] = identity.map(JSONValue.object) ?? .null }
            if body["identity"] == .null { body["identity"] = nil }
            body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: body["systemData"]))
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
        if WorkspaceKind.of(workspace.body) == .hub {
            let projects = (workspace.body["properties"]?["associatedWorkspaces"]?.arrayValue ?? [])
                .compactMap { $0.stringValue }.filter { ResourceID($0).map(store.contains) ?? false }
            if !projects.isEmpty { throw ARMError.hubHasProjects(workspace.id.name, projects: projects) }
        }
        try request.precondition?.check(workspace)
        guard operations.isSynchronous else {
            // With --provisioning-delay: Deleting now, gone when the operation ends; 202 + Location.
            _ = try store.update(id) { body in
                guard var properties = body["properties"]?.objectValue else { return }
                properties["provisioningState"] = "Deleting"
                body["properties"] = .object(properties)
            }
            return await accepted(request, location: workspace.body["location"]?.stringValue ?? "", kind: .delete, resourceID: id) {
                [self] in try removeWorkspace(workspace, purge: purge)
            }
        }
        try removeWorkspace(workspace, purge: purge)
        return ARMResponse(status: 200)
    }

    /// Removes a workspace and what goes with it: children, connection secrets, the hub's link to a
    /// project, a project's role assignment, the system-assigned identity; remembers it as
    /// soft-deleted unless purged.
    func removeWorkspace(_ workspace: StoredResource, purge: Bool) throws {
        let removed = store.removeAll(under: workspace.id)
        try cleanUp(after: workspace, removedChildren: removed, purge: purge)
    }

    /// What a workspace's removal must undo outside the workspace itself. `removedHub` is the
    /// project's hub when it left the store in the same step (a resource group deleted with both).
    func cleanUp(
        after workspace: StoredResource, removedChildren: [StoredResource], purge: Bool, removedHub: StoredResource? = nil
    ) throws {
        let id = workspace.id
        for resource in removedChildren where resource.id.fullType.lowercased() == Self.workspaceType.lowercased() + "/connections" {
            removeSecret(of: resource)
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
            removeProjectRoleAssignment(projectID: id, workspace: workspace, removedHub: removedHub)
        }
        directory.removeSystemAssignedIdentity(forResourceId: id.description)
        if !purge {
            try store.put(
                softDeletedID(id), body: ["id": .string(softDeletedID(id).description), "name": .string(id.name)],
                bodyETag: false)
        }
    }
}
