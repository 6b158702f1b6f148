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
    static let deploymentType = "Microsoft.Resources/deployments"

    var deploymentRoutes: [Route] {
        let group = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
        let item = group + "/providers/Microsoft.Resources/deployments/{deploymentName}"
        let read = "Microsoft.Resources/deployments/read"
        let write = "Microsoft.Resources/deployments/write"
        let operationsRead = "Microsoft.Resources/deployments/operations/read"
        return [
            Route("GET", group + "/providers/Microsoft.Resources/deployments", operationID: "Deployments_ListByResourceGroup", action: read)
            {
                request, parameters in try listDeployments(request, parameters)
            },
            Route("PUT", item, operationID: "Deployments_CreateOrUpdate", action: write) { request, parameters in
                try await createOrUpdateDeployment(request, parameters)
            }.skippingResourceGroupCheck(),
            Route("GET", item, operationID: "Deployments_Get", action: read) { _, parameters in
                .ok(.object(try existingDeployment(parameters).body))
            },
            Route("HEAD", item, operationID: "Deployments_CheckExistence", action: read) { _, parameters in
                ARMResponse(status: store.get(deploymentID(parameters)) == nil ? 404 : 204)
            }.skippingResourceGroupCheck(),
            Route("DELETE", item, operationID: "Deployments_Delete", action: "Microsoft.Resources/deployments/delete") {
                request, parameters in
                // Deletes the deployment record only, never the resources it made (docs/azure-behaviours.md "Template deployments").
                _ = try store.delete(deploymentID(parameters), precondition: Precondition(headers: request.headers))
                return .noContent
            },
            Route(
                "POST", item + "/validate", operationID: "Deployments_Validate", action: "Microsoft.Resources/deployments/validate/action"
            ) {
                request, parameters in try await validateDeployment(request, parameters)
            }.skippingResourceGroupCheck(),
            Route("POST", item + "/whatIf", operationID: "Deployments_WhatIf", action: "Microsoft.Resources/deployments/whatIf/action") {
                _, _ in
                throw ARMError.notImplemented("Deployments_WhatIf")
            }.skippingResourceGroupCheck(),
            Route(
                "POST", item + "/exportTemplate", operationID: "Deployments_ExportTemplate",
                action: "Microsoft.Resources/deployments/exportTemplate/action"
            ) { _, parameters in
                let deployment = try existingDeployment(parameters)
                return .ok(["template": deployment.privateState["template"] ?? .object(JSONObject())])
            },
            Route("POST", item + "/cancel", operationID: "Deployments_Cancel", action: "Microsoft.Resources/deployments/cancel/action") {
                _, parameters in try cancelDeployment(parameters)
            },
            Route("GET", item + "/operations", operationID: "DeploymentOperations_ListByResourceGroupProvider", action: operationsRead) {
                request, parameters in try listDeploymentOperations(request, parameters)
            },
            Route("GET", item + "/operations/{operationId}", operationID: "DeploymentOperations_GetProvider", action: operationsRead) {
                _, parameters in try deploymentOperation(parameters)
            },
            Route(
                "GET", group + "/deployments/{deploymentName}/operations", operationID: "DeploymentOperations_ListByResourceGroup",
                action: operationsRead
            ) { request, parameters in try listDeploymentOperations(request, parameters) },
            Route(
                "GET", group + "/deployments/{deploymentName}/operations/{operationId}",
                operationID: "DeploymentOperations_GetAtResourceGroup",
                action: operationsRead
            ) { _, parameters in try deploymentOperation(parameters) },
        ]
    }

    func deploymentID(_ parameters: RouteParameters) -> ResourceID {
        ResourceID(
            subscriptionID: parameters.required("subscriptionId"), resourceGroup: parameters.required("resourceGroupName"),
            namespace: "Microsoft.Resources", types: ["deployments"], names: [parameters.required("deploymentName")])
    }

    func existingDeployment(_ parameters: RouteParameters) throws -> StoredResource {
        guard let deployment = store.get(deploymentID(parameters)) else {
            throw ARMError.deploymentNotFound(parameters.required("deploymentName"))
        }
        return deployment
    }

    static func validateDeploymentName(_ name: String) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._()"))
        let invalid = String(name.unicodeScalars.filter { !allowed.contains($0) }.map(Character.init))
        if name.isEmpty || name.count > 64 || !invalid.isEmpty { throw ARMError.invalidDeploymentName(name, invalid: invalid) }
    }

    /// Everything a deployment needs, parsed and validated from a PUT/validate body.
    struct DeploymentRequest: Sendable {
        var name: String
        var id: ResourceID
        var template: JSONObject
        var parameters: JSONObject
        var mode: String
        var context: DeploymentContext
        var plan: [PlannedResource]
        var reportedParameters: JSONObject
        var templateHash: String
        var tags: JSONValue?
    }

    func parseDeployment(_ request: ARMRequest, _ parameters: RouteParameters, runner: DeploymentRunner) async throws -> DeploymentRequest {
        let name = parameters.required("deploymentName")
        try Self.validateDeploymentName(name)
        let group = try existingResourceGroup(parameters)
        // azure-cli inlines `--template-file` verbatim, comments and all (JSONParser.Options.jsonc).
        let input = try request.jsonBody(options: .jsonc)
        guard let properties = input["properties"]?.objectValue else {
            throw ARMError.invalidDeploymentRequest("The request content is missing the required property 'properties'.")
        }
        guard let mode = properties["mode"]?.stringValue else {
            throw ARMError.invalidDeploymentRequest("The request content is missing the required property 'properties.mode'.")
        }
        switch mode.lowercased() {
        case "incremental": break
        case "complete": throw ARMError.notImplemented("Deployments_CreateOrUpdate with mode 'Complete'")
        default:
            throw ARMError.invalidDeploymentRequest(
                "The deployment mode '\(mode)' is not valid. The supported modes are 'Incremental, Complete'.")
        }
        if properties["templateLink"] != nil { throw ARMError.notImplemented("Deployments_CreateOrUpdate with 'templateLink'") }
        if properties["parametersLink"] != nil { throw ARMError.notImplemented("Deployments_CreateOrUpdate with 'parametersLink'") }
        guard let template = properties["template"]?.objectValue else {
            throw ARMError.invalidDeploymentRequest("The request content must contain 'properties.template' as a JSON object.")
        }
        // Deployments are tagged like any resource: the same rules, never a non-object stored (found
        // by scripts/api-fuzz: `"tags": [null]` came back in GET against the document).
        let tags = input["tags"] == nil ? nil : try TagRules.validate(input["tags"])
        let suppliedParameters = properties["parameters"]?.objectValue ?? JSONObject()
        let subscriptionID = parameters.required("subscriptionId")
        let subscription = directory.subscription(id: subscriptionID)
        let context = DeploymentContext(
            subscriptionID: subscription?.subscriptionId ?? subscriptionID, subscriptionDisplayName: subscription?.displayName ?? "",
            tenantID: subscription?.tenantId ?? request.caller?.tenantId ?? "", resourceGroupName: group.id.name,
            resourceGroupLocation: group.body["location"]?.stringValue ?? "",
            resourceGroupTags: group.body["tags"]?.objectValue ?? JSONObject(),
            deploymentName: name, now: now())
        let id = deploymentID(parameters)
        do {
            let evaluator = try TemplateEvaluator(template: template, parameters: suppliedParameters, context: context, reader: runner)
            try evaluator.checkFunctionNames()
            try await evaluator.resolveAllParameters()
            let plan = try await evaluator.plan()
            try checkResourceTypes(plan, deploymentName: name, correlationID: request.correlationID)
            return DeploymentRequest(
                name: name, id: id, template: template, parameters: suppliedParameters, mode: "Incremental", context: context, plan: plan,
                reportedParameters: try await evaluator.reportedParameters(), templateHash: evaluator.templateHash,
                tags: tags.map { .object($0) })
        } catch let error as TemplateError {
            throw ARMError.invalidTemplate(error.message)
        }
    }

    /// Every template resource type must be served by a registered provider (validation, like ARM's
    /// preflight), so an unknown type fails before anything is created.
    func checkResourceTypes(_ plan: [PlannedResource], deploymentName: String, correlationID: String) throws {
        var problems: [ARMError] = []
        for resource in plan where !resource.isExisting {
            let parts = resource.type.split(separator: "/", maxSplits: 1).map(String.init)
            let known = registrations.contains { registration in
                registration.namespace.lowercased() == parts[0].lowercased()
                    && registration.resourceTypes.contains { parts.count > 1 && $0.name.lowercased() == parts[1].lowercased() }
            }
            if !known { problems.append(.templateResourceTypeNotFound(resource.type, apiVersion: resource.apiVersion)) }
        }
        if !problems.isEmpty { throw ARMError.invalidTemplateDeployment(deploymentName, trackingID: correlationID, details: problems) }
    }

    func runner(for request: ARMRequest) throws -> DeploymentRunner {
        guard let caller = request.caller else { throw ARMError.internalServerError() }
        return DeploymentRunner(
            internalRequests: internalRequests, caller: caller, baseURL: request.baseURL, correlationID: request.correlationID,
            defaultAPIVersion: Self.resourceAPIVersions[0])
    }

    func createOrUpdateDeployment(_ request: ARMRequest, _ parameters: RouteParameters) async throws -> ARMResponse {
        let runner = try runner(for: request)
        let deployment = try await parseDeployment(request, parameters, runner: runner)
        let started = now()
        let write = try store.upsert(deployment.id, precondition: Precondition(headers: request.headers)) { existing in
            if let state = existing?.body["properties"]?["provisioningState"]?.stringValue, ["Accepted", "Running"].contains(state) {
                throw ARMError(
                    status: 409, code: "DeploymentActive",
                    message:
                        "Unable to edit or replace deployment '\(deployment.name)': previous deployment from '\(existing?.body["properties"]?["timestamp"]?.stringValue ?? "")' is still active (state: \(state))."
                )
            }
            var body = JSONObject([
                ("id", .string(deployment.id.description)), ("name", .string(deployment.name)), ("type", .string(Self.deploymentType)),
            ])
            if let tags = deployment.tags { body["tags"] = tags }
            body["properties"] = .object(
                JSONObject([
                    ("templateHash", .string(deployment.templateHash)), ("parameters", .object(deployment.reportedParameters)),
                    ("mode", .string(deployment.mode)), ("provisioningState", "Running"),
                    ("timestamp", .string(ARMTimestamp.string(from: started))), ("duration", "PT0S"),
                    ("correlationId", .string(request.correlationID)), ("providers", .array(Self.providers(of: deployment.plan))),
                    ("dependencies", .array(Self.dependencies(of: deployment.plan))), ("outputResources", []),
                ]))
            body["systemData"] = .object(SystemData.make(caller: request.caller, at: started, previous: existing?.body["systemData"]))
            return (body, ["template": .object(deployment.template), "operations": []])
        }
        let store = self.store
        let now = self.now
        // Always an operation with Azure-AsyncOperation (as real ARM answers, docs/azure-behaviours.md "Template deployments"), so a
        // failure reaches the SDKs and az through the status poll; without a provisioning delay it
        // has finished before the 201 is sent.
        let handle = operations.beginProducing(
            for: request, namespace: "Microsoft.Resources", location: deployment.context.resourceGroupLocation, kind: .create,
            resourceID: deployment.id
        ) {
            await Self.run(deployment, runner: runner, store: store, started: started, now: now)
            let final = try store.require(deployment.id)
            if let error = DeploymentRunner.error(in: final.body["properties"]?["error"]) { throw error }
            return nil
        }
        var body = write.resource.body
        if operations.isSynchronous {
            await operations.waitUntilFinished(handle.id)
            body = try store.require(deployment.id).body
        } else {
            body["properties"]?["provisioningState"] = "Accepted"
        }
        return ARMResponse(status: write.created ? 201 : 200, headers: operations.headers(for: handle), body: .object(body))
    }

    func validateDeployment(_ request: ARMRequest, _ parameters: RouteParameters) async throws -> ARMResponse {
        let deployment = try await parseDeployment(request, parameters, runner: try runner(for: request))
        _ = try existingResourceGroup(parameters)
        return .ok([
            "id": .string(deployment.id.description), "name": .string(deployment.name), "type": .string(Self.deploymentType),
            "properties": [
                "templateHash": .string(deployment.templateHash), "parameters": .object(deployment.reportedParameters),
                "mode": .string(deployment.mode), "provisioningState": "Succeeded",
                "timestamp": .string(ARMTimestamp.string(from: now())), "duration": "PT0S",
                "correlationId": .string(request.correlationID),
                "providers": .array(Self.providers(of: deployment.plan)), "dependencies": .array(Self.dependencies(of: deployment.plan)),
                "validatedResources": .array(deployment.plan.map { ["id": .string($0.id)] }),
            ],
        ])
    }

    func cancelDeployment(_ parameters: RouteParameters) throws -> ARMResponse {
        let deployment = try existingDeployment(parameters)
        let state = deployment.body["properties"]?["provisioningState"]?.stringValue ?? ""
        guard ["Accepted", "Running"].contains(state) else {
            throw ARMError.deploymentCannotBeCanceled(deployment.id.name, state: state)
        }
        // The running deployment checks this flag before each resource and stops as Canceled.
        try store.updateResource(deployment.id) { $0.privateState["canceled"] = true }
        return .noContent
    }

    func listDeployments(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let group = try existingResourceGroup(parameters)
        let wantedState = Self.provisioningStateFilter(request.query["$filter"])
        return try Pager(request: request).list(store, under: group.id, types: [Self.deploymentType]) { resource in
            wantedState.map { resource.body["properties"]?["provisioningState"]?.stringValue?.lowercased() == $0.lowercased() } ?? true
        }
    }

    /// `$filter=provisioningState eq 'Failed'`, the one filter ARM supports on deployment lists.
    static func provisioningStateFilter(_ filter: String?) -> String? {
        guard let filter, let range = filter.range(of: "provisioningState eq '", options: .caseInsensitive) else { return nil }
        return String(filter[range.upperBound...].prefix { $0 != "'" })
    }

    func listDeploymentOperations(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let deployment = try existingDeployment(parameters)
        let items = deployment.privateState["operations"]?.arrayValue ?? []
        return try Pager(request: request).list(items, key: { $0["operationId"]?.stringValue ?? "" }, render: { $0 })
    }

    func deploymentOperation(_ parameters: RouteParameters) throws -> ARMResponse {
        let deployment = try existingDeployment(parameters)
        let id = parameters.required("operationId")
        guard
            let operation = (deployment.privateState["operations"]?.arrayValue ?? []).first(where: { $0["operationId"]?.stringValue == id })
        else {
            throw ARMError.deploymentOperationNotFound(id, deployment: deployment.id.name)
        }
        return .ok(operation)
    }

    static func providers(of plan: [PlannedResource]) -> [JSONValue] {
        var namespaces: [(String, [String])] = []
        for resource in plan {
            let parts = resource.type.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if let index = namespaces.firstIndex(where: { $0.0.lowercased() == parts[0].lowercased() }) {
                if !namespaces[index].1.contains(parts[1]) { namespaces[index].1.append(parts[1]) }
            } else {
                namespaces.append((parts[0], [parts[1]]))
            }
        }
        return namespaces.map { namespace, types in
            ["namespace": .string(namespace), "resourceTypes": .array(types.map { ["resourceType": .string($0), "locations": []] })]
        }
    }

    static func dependencies(of plan: [PlannedResource]) -> [JSONValue] {
        let byID = Dictionary(plan.map { ($0.id.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        return plan.filter { !$0.dependsOn.isEmpty }.map { resource in
            [
                "id": .string(resource.id), "resourceType": .string(resource.type), "resourceName": .string(resource.name),
                "dependsOn": .array(
                    resource.dependsOn.map { id in
                        let target = byID[id.lowercased()]
                        return [
                            "id": .string(id), "resourceType": .string(target?.type ?? ""), "resourceName": .string(target?.name ?? ""),
                        ]
                    }),
            ]
        }
    }
}
