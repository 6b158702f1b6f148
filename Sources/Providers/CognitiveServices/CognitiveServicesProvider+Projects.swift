import ARMCore
import EmulatorHTTP
import Foundation
import JSON

/// Foundry projects under an account (docs/azure-behaviours.md "Foundry projects"): only on kind AIServices with
/// `allowProjectManagement`; the first project becomes the default; the account's
/// `associatedProjects` and `defaultProject` follow every create and delete. `name` is returned
/// as `{account}/{project}`, as the real service does [OBS].
extension CognitiveServicesProvider {
    var projectRoutes: [Route] {
        let collection = Self.accountPattern + "/projects"
        let item = collection + "/{projectName}"
        let read = "Microsoft.CognitiveServices/accounts/projects/read"
        let write = "Microsoft.CognitiveServices/accounts/projects/write"
        return [
            Route("GET", collection, operationID: "Projects_List", action: read) { request, parameters in
                let account = try requireParentAccount(request, childType: Self.projectType, operation: "read")
                return try Pager(request: request).list(
                    store, under: account.id, types: [Self.projectType],
                    render: { renderProject($0.body, account: account, request: request) })
            },
            Route("PUT", item, operationID: "Projects_Create", action: write) { request, parameters in
                try createProject(request, parameters)
            },
            Route("PATCH", item, operationID: "Projects_Update", action: write) { request, parameters in
                try updateProject(request, parameters)
            },
            Route("GET", item, operationID: "Projects_Get", action: read) { request, parameters in
                let account = try requireParentAccount(request, childType: Self.projectType, operation: "read")
                let project = try store.require(account.id.child(type: "projects", name: parameters.required("projectName")))
                return .ok(renderProject(project.body, account: account, request: request))
            },
            Route("DELETE", item, operationID: "Projects_Delete", action: "Microsoft.CognitiveServices/accounts/projects/delete") {
                request, parameters in try deleteProject(request, parameters)
            },
        ]
    }

    func renderProject(_ body: JSONObject, account: StoredResource, request: ARMRequest) -> JSONValue {
        Project.render(body, account: account, baseURL: request.baseURL)
    }

    func createProject(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let name = parameters.required("projectName")
        try Project.checkName(name)
        let input = try request.jsonBody()
        let date = now()
        let (write, account) = try serializer.run { try putProject(request, name: name, input: input, date: date) }
        let baseURL = request.baseURL
        let headers = finishProvisioning(write.resource.id, request: request, location: account.body["location"]?.stringValue ?? "") {
            Project.render($0, account: account, baseURL: baseURL)
        }
        return ARMResponse(
            status: write.created ? 201 : 200, headers: headers ?? HTTPHeaders(),
            body: renderProject(write.resource.body, account: account, request: request))
    }

    /// A PUT under the serializer: the project, then its account's `associatedProjects` (and
    /// `defaultProject` for the first one). Answers the write and the updated account.
    func putProject(_ request: ARMRequest, name: String, input: JSONObject, date: Date) throws -> (ResourceStore.Write, StoredResource) {
        let account = try projectAccount(request)
        let id = account.id.child(type: "projects", name: name)
        let existing = store.get(id)
        let isFirst = store.children(of: account.id, type: Self.projectType).allSatisfy { $0.id == id }
        let project = try Project(
            id: id, input: input, existing: existing, account: account, isFirst: isFirst, provisioningState: initialProvisioningState,
            caller: request.caller, date: date)
        let write = try store.put(id, body: project.body, precondition: request.precondition)
        let updatedAccount = try store.update(account.id) { Project.associate(name, isDefault: project.isDefault, in: &$0) }
        return (write, updatedAccount)
    }

    /// The account a project write needs: of a kind with projects, `allowProjectManagement` on,
    /// and not mid-operation (409 `RequestConflict`).
    func projectAccount(_ request: ARMRequest) throws -> StoredResource {
        let account = try requireParentAccount(request, childType: Self.projectType, operation: "write")
        let accountProperties = account.body["properties"]?.objectValue ?? JSONObject()
        let kind = catalog.accountKind(account.body["kind"]?.stringValue ?? "")
        guard kind?.hostsProjects == true, accountProperties["allowProjectManagement"]?.boolValue == true else {
            throw ARMError.projectManagementNotAllowed(account: account.id.name)
        }
        guard accountProperties["provisioningState"]?.stringValue == "Succeeded" else {
            throw ARMError.requestConflict(parentID: account.id.description)
        }
        return account
    }

    /// `displayName`, `description`, tags and identity. Answers 200.
    func updateProject(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let input = try request.jsonBody()
        let caller = request.caller
        let date = now()
        let account = try requireParentAccount(request, childType: Self.projectType, operation: "write")
        let id = account.id.child(type: "projects", name: parameters.required("projectName"))
        let tags = try input.value(forKeyIgnoringCase: "tags").map { try TagRules.validate($0) }
        let updated = try store.update(id, precondition: request.precondition) { body in
            try Project.update(&body, with: input, tags: tags, caller: caller, date: date)
        }
        return .ok(renderProject(updated.body, account: account, request: request))
    }

    /// 204 when deleted or absent (SDK 13.7 accepts only 202/204 for 2025-06-01, docs/azure-behaviours.md "Foundry projects"); 202 +
    /// polling headers with `--provisioning-delay`. The default project cannot go while others exist.
    func deleteProject(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let account = try requireParentAccount(request, childType: Self.projectType, operation: "delete")
        let name = parameters.required("projectName")
        let id = account.id.child(type: "projects", name: name)
        guard let project = store.get(id) else { return .noContent }
        try request.precondition?.check(project)
        if project.body["properties"]?["isDefault"]?.boolValue == true,
            store.children(of: account.id, type: Self.projectType).count > 1
        {
            throw ARMError.defaultProjectDeletion(name)
        }
        let remove: @Sendable () -> Void = { [self] in
            serializer.run {
                _ = store.removeAll(under: id)
                _ = try? store.update(account.id) { Project.dissociate(name, in: &$0) }
            }
        }
        if operations.isSynchronous {
            remove()
            return .noContent
        }
        let handle = operations.begin(
            for: request, namespace: Self.namespace, location: account.body["location"]?.stringValue ?? "", kind: .delete, resourceID: id
        ) { remove() }
        return ARMResponse(status: 202, headers: operations.headers(for: handle))
    }
}
