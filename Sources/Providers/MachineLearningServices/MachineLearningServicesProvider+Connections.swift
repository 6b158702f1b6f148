import ARMCore
import Foundation
import JSON

/// `workspaces/{ws}/connections` (docs/azure-behaviours.md "Workspace connections"): PUT/PATCH/GET 200, DELETE 200/204, list with
/// `category`/`target`, `POST listsecrets`.
///
/// Secrets are write-only: `credentials` is taken from PUT/PATCH, kept as a secret in the key vault
/// of the workspace that owns the dependents (a project's hub), set and read over Key Vault's data
/// plane (`+ConnectionSecrets.swift`), and only `listsecrets` returns it.
///
/// Sharing (EMULATOR CHOICE, docs/azure-behaviours.md "Hub connections seen from a project"): a project sees its own connections plus its
/// hub's connections whose `isSharedToAll` is not `false`. Those keep their id under the hub path
/// and carry `createdByWorkspaceArmId` = the hub, which is how a client tells them apart. A project
/// may read them (GET, list, listsecrets) through its own path but not change or delete them
/// (409). Project connections are visible only in their project.
extension MachineLearningServicesProvider {
    static let connectionType = workspaceType + "/connections"

    var connectionRoutes: [Route] {
        let collection = Self.workspacePattern + "/connections"
        let item = collection + "/{connectionName}"
        let action = "Microsoft.MachineLearningServices/workspaces/connections/"
        return [
            Route("PUT", item, operationID: "WorkspaceConnections_Create", action: action + "write") { request, parameters in
                try await putConnection(request, parameters, patch: false)
            },
            Route("PATCH", item, operationID: "WorkspaceConnections_Update", action: action + "write") { request, parameters in
                try await putConnection(request, parameters, patch: true)
            },
            Route("GET", item, operationID: "WorkspaceConnections_Get", action: action + "read") { request, parameters in
                let workspace = try requireWorkspace(request)
                return .ok(.object(try visibleConnection(parameters.required("connectionName"), in: workspace).body))
            },
            Route("DELETE", item, operationID: "WorkspaceConnections_Delete", action: action + "delete") { request, parameters in
                try await deleteConnection(request, parameters)
            },
            Route("GET", collection, operationID: "WorkspaceConnections_List", action: action + "read") { request, parameters in
                try listConnections(request, parameters)
            },
            Route(
                "POST", item + "/listsecrets", operationID: "WorkspaceConnections_ListSecrets",
                action: action + "listsecrets/action"
            ) { request, parameters in
                let workspace = try requireWorkspace(request)
                let connection = try visibleConnection(parameters.required("connectionName"), in: workspace)
                var body = connection.body
                if var properties = body["properties"]?.objectValue, let credentials = try await readSecret(of: connection, for: request) {
                    properties["credentials"] = credentials
                    body["properties"] = .object(properties)
                }
                return .ok(.object(body))
            },
        ]
    }

    func connectionID(_ workspace: ResourceID, _ name: String) -> ResourceID {
        workspace.child(type: "connections", name: name)
    }

    /// The project's own connection, else its hub's shared one; 404 `NotFound` otherwise.
    func visibleConnection(_ name: String, in workspace: StoredResource) throws -> StoredResource {
        if let own = store.get(connectionID(workspace.id, name)) { return own }
        if let hub = hub(of: workspace.body), let shared = store.get(connectionID(hub.id, name)), Self.isShared(shared) {
            return shared
        }
        throw ARMError.workspaceChildNotFound("Connection", name: name, workspace: workspace.id.name)
    }

    static func isShared(_ connection: StoredResource) -> Bool {
        connection.body["properties"]?["isSharedToAll"]?.boolValue != false
    }

    /// The order keeps a failed step from leaving half a write (docs/hubs-and-projects.md
    /// "Resources the ML service creates"): new credentials are set in the vault first (a refusal fails the request with
    /// nothing written), then the connection is written naming that secret version; when that write
    /// fails, a secret set for a new connection is deleted again. Credentials dropped by the write are
    /// deleted after it.
    func putConnection(_ request: ARMRequest, _ parameters: RouteParameters, patch: Bool) async throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        let name = parameters.required("connectionName")
        guard Self.isValidWorkspaceChildName(name) else { throw ARMError.invalidWorkspaceChildName(name, type: Self.connectionType) }
        let id = connectionID(workspace.id, name)
        let existing = store.get(id)
        // Only a hub connection the project can see is protected; a hub-private name is free for the project.
        if existing == nil, let hub = hub(of: workspace.body), let shared = store.get(connectionID(hub.id, name)), Self.isShared(shared) {
            throw ARMError.hubConnectionReadOnlyInProject(name, hub: hub.id.name)
        }
        if patch, existing == nil { throw ARMError.workspaceChildNotFound("Connection", name: name, workspace: workspace.id.name) }
        let input = patch ? (try request.optionalJSONBody() ?? JSONObject()) : try request.jsonBody()
        let connection = try WorkspaceConnection(input: input, patch: patch, id: id, workspace: workspace.id, existing: existing)
        let (caller, date) = (request.caller, now())
        var written: ConnectionSecretReference?
        if case .write(let credentials) = connection.secretAction,
            let reference = secretReference(for: id, vaultOwner: owner(of: workspace))
        {
            try request.precondition?.check(existing)
            written = try await setSecret(credentials, at: reference, for: request)
        }
        let secretAction = connection.secretAction
        let write: ResourceStore.Write
        do {
            write = try store.upsert(id, precondition: request.precondition) { current in
                var state = current?.privateState ?? JSONObject()
                switch secretAction {
                case .write: if let written { state["secretId"] = .string(written.identifier) }
                case .keep: break
                case .remove: state["secretId"] = nil
                }
                return (connection.body(over: current, caller: caller, at: date), state)
            }
        } catch {
            if let written, existing == nil { try? await deleteSecret(written, for: request) }
            throw error
        }
        // Credentials the write dropped (`authType` None, or no vault to keep them in any more).
        if let previous = existing.flatMap(Self.secretReference(of:)), Self.secretReference(of: write.resource) == nil {
            try? await deleteSecret(previous, for: request)
        }
        return .ok(.object(write.resource.body))
    }

    /// The secret goes first: when the vault refuses, the connection stays as it was.
    func deleteConnection(_ request: ARMRequest, _ parameters: RouteParameters) async throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        let name = parameters.required("connectionName")
        let id = connectionID(workspace.id, name)
        guard let existing = store.get(id) else {
            if let hub = hub(of: workspace.body), let shared = store.get(connectionID(hub.id, name)), Self.isShared(shared) {
                throw ARMError.hubConnectionReadOnlyInProject(name, hub: hub.id.name)
            }
            return .noContent
        }
        if let reference = Self.secretReference(of: existing) { try await deleteSecret(reference, for: request) }
        guard try store.delete(id) != nil else { return .noContent }
        return ARMResponse(status: 200)
    }

    func listConnections(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let workspace = try requireWorkspace(request)
        var items = store.children(of: workspace.id, type: "connections")
        if let hub = hub(of: workspace.body) {
            let own = Set(items.map { $0.id.name.lowercased() })
            items += store.children(of: hub.id, type: "connections").filter {
                Self.isShared($0) && !own.contains($0.id.name.lowercased())
            }
        }
        let category = request.query["category"]?.lowercased()
        let target = request.query["target"]
        items = items.filter { connection in
            let properties = connection.body["properties"]
            if let category, properties?["category"]?.stringValue?.lowercased() != category { return false }
            if let target, properties?["target"]?.stringValue != target { return false }
            return true
        }
        // Sorted by name; a project's own connection hides a hub one of the same name.
        items.sort { $0.id.name.lowercased() < $1.id.name.lowercased() }
        return try Pager(request: request).list(items, key: { $0.id.name.lowercased() }, render: { .object($0.body) })
    }
}
