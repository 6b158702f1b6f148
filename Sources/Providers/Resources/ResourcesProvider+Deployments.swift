import ARMCore
import ARMTemplates
import EmulatorHTTP
import Foundation
import JSON

/// Template deployments at resource-group scope (docs/azure-behaviours.md "Template deployments"): PUT/GET/HEAD/DELETE/list,
/// validate, exportTemplate, cancel, whatIf (501), and the operations list at both the
/// `providers/Microsoft.Resources` path and the legacy one azure-ai-ml polls (docs/azure-behaviours.md "What azure-ai-ml needs").
///
/// Limitations: resource-group scope only; `templateLink`/`parametersLink` (no network) and
/// `Complete` mode answer 501; resources deploy one at a time in dependency order (a valid
/// schedule for ARM's parallel deployment, and what `mode: serial` asks).
extension ResourcesProvider {
    var deploymentRoutes: [Route] {
        let group = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
        let item = group + "/providers/Microsoft.Resources/deployments/{deploymentName}"
        let read = "Microsoft.Resources/deployments/read"
        let write = "Microsoft.Resources/deployments/write"
        let operationsRead = "Microsoft.Resources/deployments/operations/read"
        return [
            Route("GET", group + "/providers/Microsoft.Resources/deployments", operationID: "Deployments_ListByResourceGroup", action: read)
            {
                request, _ in try listDeployments(request)
            },
            Route("PUT", item, operationID: "Deployments_CreateOrUpdate", action: write) { request, _ in
                try await createOrUpdateDeployment(request)
            }.skippingResourceGroupCheck(),
            Route("GET", item, operationID: "Deployments_Get", action: read) { request, _ in
                .ok(.object(try existingDeployment(request).body))
            },
            Route("HEAD", item, operationID: "Deployments_CheckExistence", action: read) { request, _ in
                ARMResponse(status: store.get(request.resourceID) == nil ? 404 : 204)
            }.skippingResourceGroupCheck(),
            Route("DELETE", item, operationID: "Deployments_Delete", action: "Microsoft.Resources/deployments/delete") { request, _ in
                // Deletes the deployment record only, never the resources it made (docs/azure-behaviours.md "Template deployments").
                _ = try store.delete(request.resourceID, precondition: Precondition(headers: request.headers))
                return .noContent
            },
            Route(
                "POST", item + "/validate", operationID: "Deployments_Validate", action: "Microsoft.Resources/deployments/validate/action"
            ) {
                request, _ in try await validateDeployment(request)
            }.skippingResourceGroupCheck(),
            Route("POST", item + "/whatIf", operationID: "Deployments_WhatIf", action: "Microsoft.Resources/deployments/whatIf/action") {
                _, _ in
                throw ARMError.notImplemented("Deployments_WhatIf")
            }.skippingResourceGroupCheck(),
            Route(
                "POST", item + "/exportTemplate", operationID: "Deployments_ExportTemplate",
                action: "Microsoft.Resources/deployments/exportTemplate/action"
            ) { request, _ in
                let deployment = try existingDeployment(request)
                return .ok(["template": deployment.privateState["template"] ?? .object(JSONObject())])
            },
            Route("POST", item + "/cancel", operationID: "Deployments_Cancel", action: "Microsoft.Resources/deployments/cancel/action") {
                request, _ in try cancelDeployment(request)
            },
            Route("GET", item + "/operations", operationID: "DeploymentOperations_ListByResourceGroupProvider", action: operationsRead) {
                request, _ in try listDeploymentOperations(request)
            },
            Route("GET", item + "/operations/{operationId}", operationID: "DeploymentOperations_GetProvider", action: operationsRead) {
                request, parameters in try deploymentOperation(request, parameters)
            },
            // The legacy paths without `providers/Microsoft.Resources` name the same deployment.
            Route(
                "GET", group + "/deployments/{deploymentName}/operations", operationID: "DeploymentOperations_ListByResourceGroup",
                action: operationsRead
            ) { request, _ in try listDeploymentOperations(request) }.targeting(item),
            Route(
                "GET", group + "/deployments/{deploymentName}/operations/{operationId}",
                operationID: "DeploymentOperations_GetAtResourceGroup",
                action: operationsRead
            ) { request, parameters in try deploymentOperation(request, parameters) }.targeting(item + "/operations/{operationId}"),
        ]
    }

    /// The deployment the request's target is or lies under: 404 `DeploymentNotFound` when missing.
    func existingDeployment(_ request: ARMRequest) throws -> StoredResource {
        let id = request.resourceID.enclosing("deployments")
        guard let deployment = store.get(id) else { throw ARMError.deploymentNotFound(id.name) }
        return deployment
    }

    /// What a deployment of this request is checked and evaluated against.
    func deploymentContext(_ request: ARMRequest, runner: DeploymentRunner) -> TemplateDeployment.WriteContext {
        TemplateDeployment.WriteContext(
            subscription: request.resourceID.subscriptionID.flatMap { directory.subscription(id: $0) },
            callerTenantID: request.caller?.tenantId, registrations: registrations, correlationID: request.correlationID, now: now(),
            reader: runner)
    }

    /// The deployment a PUT or validate body describes (`TemplateDeployment(validating:…)`).
    /// azure-cli inlines `--template-file` verbatim, comments and all (JSONParser.Options.jsonc).
    func templateDeployment(_ request: ARMRequest, runner: DeploymentRunner) async throws -> TemplateDeployment {
        try await TemplateDeployment(
            validating: request.jsonBody(options: .jsonc), id: request.resourceID, group: existingResourceGroup(request),
            context: deploymentContext(request, runner: runner))
    }

    func runner(for request: ARMRequest) throws -> DeploymentRunner {
        guard let caller = request.caller else { throw ARMError.internalServerError() }
        return DeploymentRunner(
            internalRequests: internalRequests, caller: caller, baseURL: request.baseURL, correlationID: request.correlationID,
            defaultAPIVersion: Self.resourceAPIVersions[0])
    }

    /// PUT: the record is stored as running, then the deployment runs as a long-running operation.
    func createOrUpdateDeployment(_ request: ARMRequest) async throws -> ARMResponse {
        let runner = try runner(for: request)
        let deployment = try await templateDeployment(request, runner: runner)
        let started = now()
        let write = try store.upsert(deployment.id, precondition: Precondition(headers: request.headers)) { existing in
            try deployment.runningBody(replacing: existing, caller: request.caller, started: started, correlationID: request.correlationID)
        }
        let handle = beginRun(deployment, for: request, runner: runner, started: started)
        var body = write.resource.body
        if operations.isSynchronous {
            await operations.waitUntilFinished(handle.id)
            body = try store.require(deployment.id).body
        } else {
            body["properties"]?["provisioningState"] = "Accepted"
        }
        return ARMResponse(status: write.created ? 201 : 200, headers: operations.headers(for: handle), body: .object(body))
    }

    /// Always an operation with Azure-AsyncOperation (as real ARM answers, docs/azure-behaviours.md
    /// "Template deployments"), so a failure reaches the SDKs and az through the status poll;
    /// without a provisioning delay it has finished before the 201 is sent.
    func beginRun(_ deployment: TemplateDeployment, for request: ARMRequest, runner: DeploymentRunner, started: Date) -> OperationHandle {
        let store = self.store
        let now = self.now
        return operations.beginProducing(
            for: request, namespace: "Microsoft.Resources", location: deployment.context.resourceGroupLocation, kind: .create,
            resourceID: deployment.id
        ) {
            await Self.run(deployment, runner: runner, store: store, started: started, now: now)
            let final = try store.require(deployment.id)
            if let error = DeploymentRunner.error(in: final.body["properties"]?["error"]) { throw error }
            return nil
        }
    }

    func validateDeployment(_ request: ARMRequest) async throws -> ARMResponse {
        let deployment = try await templateDeployment(request, runner: try runner(for: request))
        _ = try existingResourceGroup(request)
        return .ok(deployment.validatedBody(at: now(), correlationID: request.correlationID))
    }

    func cancelDeployment(_ request: ARMRequest) throws -> ARMResponse {
        let deployment = try existingDeployment(request)
        let state = deployment.body["properties"]?["provisioningState"]?.stringValue ?? ""
        guard ["Accepted", "Running"].contains(state) else {
            throw ARMError.deploymentCannotBeCanceled(deployment.id.name, state: state)
        }
        // The running deployment checks this flag before each resource and stops as Canceled.
        try store.updateResource(deployment.id) { $0.privateState["canceled"] = true }
        return .noContent
    }

    func listDeployments(_ request: ARMRequest) throws -> ARMResponse {
        let group = try existingResourceGroup(request)
        let wantedState = Self.provisioningStateFilter(request.query["$filter"])
        return try Pager(request: request).list(store, under: group.id, types: [TemplateDeployment.resourceType]) { resource in
            wantedState.map { resource.body["properties"]?["provisioningState"]?.stringValue?.lowercased() == $0.lowercased() } ?? true
        }
    }

    /// `$filter=provisioningState eq 'Failed'`, the one filter ARM supports on deployment lists.
    static func provisioningStateFilter(_ filter: String?) -> String? {
        guard let filter, let range = filter.range(of: "provisioningState eq '", options: .caseInsensitive) else { return nil }
        return String(filter[range.upperBound...].prefix { $0 != "'" })
    }

    func listDeploymentOperations(_ request: ARMRequest) throws -> ARMResponse {
        let deployment = try existingDeployment(request)
        let items = deployment.privateState["operations"]?.arrayValue ?? []
        return try Pager(request: request).list(items, key: { $0["operationId"]?.stringValue ?? "" }, render: { $0 })
    }

    func deploymentOperation(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let deployment = try existingDeployment(request)
        let id = parameters.required("operationId")
        guard
            let operation = (deployment.privateState["operations"]?.arrayValue ?? []).first(where: { $0["operationId"]?.stringValue == id })
        else {
            throw ARMError.deploymentOperationNotFound(id, deployment: deployment.id.name)
        }
        return .ok(operation)
    }
}
