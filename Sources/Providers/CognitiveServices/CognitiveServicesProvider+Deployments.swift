import ARMCore
import EmulatorHTTP
import Foundation
import JSON

/// Model deployments (docs/azure-behaviours.md "Model deployments"): PUT answers 200/201 only (the SDK raises on 202), the model
/// and SKU are validated against the catalog, and capacity is charged to the subscription's quota
/// for `(region, usageName)` atomically with the write (the serializer), so racing PUTs never
/// over-allocate.
extension CognitiveServicesProvider {
    var deploymentRoutes: [Route] {
        let collection = Self.accountPattern + "/deployments"
        let item = collection + "/{deploymentName}"
        let read = "Microsoft.CognitiveServices/accounts/deployments/read"
        let write = "Microsoft.CognitiveServices/accounts/deployments/write"
        return [
            Route("GET", collection, operationID: "AccountDeployments_List", action: read) { request, parameters in
                let account = try requireParentAccount(request, childType: Self.deploymentType, operation: "read")
                return try Pager(request: request).list(store, under: account.id, types: [Self.deploymentType])
            },
            Route("PUT", item, operationID: "AccountDeployments_CreateOrUpdate", action: write) { request, parameters in
                try createDeployment(request, parameters)
            },
            Route("PATCH", item, operationID: "AccountDeployments_Update", action: write) { request, parameters in
                try updateDeployment(request, parameters)
            },
            Route("GET", item, operationID: "AccountDeployments_Get", action: read) { request, parameters in
                let account = try requireParentAccount(request, childType: Self.deploymentType, operation: "read")
                return .ok(
                    .object(try store.require(account.id.child(type: "deployments", name: parameters.required("deploymentName"))).body))
            },
            Route(
                "DELETE", item, operationID: "AccountDeployments_Delete", action: "Microsoft.CognitiveServices/accounts/deployments/delete"
            ) {
                request, parameters in try deleteDeployment(request, parameters)
            },
            Route(
                "GET", item + "/skus", operationID: "AccountDeployments_ListSkus",
                action: "Microsoft.CognitiveServices/accounts/deployments/skus/read"
            ) {
                request, parameters in
                let account = try requireParentAccount(request, childType: Self.deploymentType, operation: "read")
                let deployment = try store.require(account.id.child(type: "deployments", name: parameters.required("deploymentName")))
                let model = deployment.body["properties"]?["model"]
                let entry = catalog.model(
                    format: model?["format"]?.stringValue ?? "", name: model?["name"]?.stringValue ?? "",
                    version: model?["version"]?.stringValue, kind: account.body["kind"]?.stringValue ?? "",
                    region: account.body["location"]?.stringValue ?? "")
                let skus = (entry?.skus ?? []).sorted { $0.name.lowercased() < $1.name.lowercased() }
                return try Pager(request: request).list(skus, key: { $0.name.lowercased() }) { sku in
                    [
                        "resourceType": .string(Self.deploymentType),
                        "sku": ["name": .string(sku.name), "capacity": .int(Int64(sku.capacity.effectiveDefault))],
                        "capacity": Self.capacityJSON(sku.capacity),
                    ]
                }
            },
        ]
    }

    /// The account a deployment write needs: present, of a kind with models, and not mid-operation
    /// (409 `RequestConflict`, docs/azure-behaviours.md "Model deployments: errors and quota").
    func writableAccount(_ request: ARMRequest) throws -> StoredResource {
        let account = try requireParentAccount(request, childType: Self.deploymentType, operation: "write")
        let kind = account.body["kind"]?.stringValue ?? ""
        guard catalog.accountKind(kind)?.hostsDeployments == true else { throw ARMError.deploymentsNotSupported(kind: kind) }
        guard account.body["properties"]?["provisioningState"]?.stringValue == "Succeeded" else {
            throw ARMError.requestConflict(parentID: account.id.description)
        }
        return account
    }

    func createDeployment(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let name = parameters.required("deploymentName")
        try AccountDeployment.checkName(name)
        let input = try request.jsonBody()
        let date = now()
        let write = try serializer.run { () throws -> ResourceStore.Write in
            let account = try writableAccount(request)
            let id = account.id.child(type: "deployments", name: name)
            let deployment = try validatedDeployment(
                id: id, name: name, input: input, account: account, existing: store.get(id), request: request, date: date)
            return try store.put(id, body: deployment.body, privateState: deployment.privateState, precondition: request.precondition)
        }
        let id = write.resource.id
        let headers = finishProvisioning(id, request: request, location: write.resource.privateState["location"]?.stringValue ?? "") {
            .object($0)
        }
        return ARMResponse(status: write.created ? 201 : 200, headers: headers ?? HTTPHeaders(), body: .object(write.resource.body))
    }

    /// The deployment `input` describes, checked against the catalog, the account's RAI policies
    /// and the quota. Runs under the serializer, so the quota check and the write are one step.
    func validatedDeployment(
        id: ResourceID, name: String, input: JSONObject, account: StoredResource, existing: StoredResource?, request: ARMRequest,
        date: Date
    ) throws -> AccountDeployment {
        let checks = AccountDeployment.StoreChecks(
            requireRaiPolicy: { try requireRaiPolicy($0, account: account.id) },
            chargeQuota: { sku, capacity in
                try chargeQuota(
                    sku: sku, capacity: capacity, subscriptionID: id.subscriptionID ?? "",
                    region: account.body["location"]?.stringValue ?? "", deployment: id)
            })
        return try AccountDeployment(
            id: id, name: name, input: input, existing: existing, account: account, catalog: catalog, checks: checks,
            provisioningState: initialProvisioningState, caller: request.caller, date: date)
    }

    /// 400 `InsufficientQuota` when the capacity does not fit next to what the subscription's other
    /// deployments of the same usage name hold in this region (docs/azure-behaviours.md "Model deployments: errors and quota"). Runs under
    /// the serializer.
    func chargeQuota(sku: ModelCatalog.Sku, capacity: Int, subscriptionID: String, region: String, deployment: ResourceID) throws {
        let limit = quotas.limit(usageName: sku.usageName, subscriptionID: subscriptionID, location: region)
        let used = usedCapacity(subscriptionID: subscriptionID, region: region, usageName: sku.usageName, excluding: deployment)
        guard used + capacity <= limit else {
            let quotaName = catalog.usage(named: sku.usageName)?.localizedName ?? sku.usageName
            throw ARMError.insufficientQuota(
                requested: capacity, available: max(0, limit - used), used: used, limit: limit, quotaName: quotaName)
        }
    }

    /// PATCH (`PatchResourceTagsAndSku` plus the properties the issue names): capacity and SKU
    /// (re-charged), tags, `versionUpgradeOption`, `raiPolicyName`. Answers 200.
    func updateDeployment(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let input = try request.jsonBody()
        let date = now()
        let updated = try serializer.run { () throws -> StoredResource in
            let account = try writableAccount(request)
            let id = account.id.child(type: "deployments", name: parameters.required("deploymentName"))
            let existing = try store.require(id)
            let deployment = try validatedDeployment(
                id: id, name: existing.body["name"]?.stringValue ?? id.name, input: AccountDeployment.patched(existing, with: input),
                account: account, existing: existing, request: request, date: date)
            return try store.updateResource(id, precondition: request.precondition) { resource in
                resource.body = deployment.body
                // A PATCH does not restart provisioning.
                resource.body["properties"]?["provisioningState"] = existing.body["properties"]?["provisioningState"] ?? "Succeeded"
                resource.privateState = deployment.privateState
            }
        }
        return .ok(.object(updated.body))
    }

    /// 200 when deleted (capacity returned at once), 204 when absent; 202 + polling headers with
    /// `--provisioning-delay` (the SDK accepts 200/202/204).
    func deleteDeployment(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let account = try requireParentAccount(request, childType: Self.deploymentType, operation: "delete")
        let id = account.id.child(type: "deployments", name: parameters.required("deploymentName"))
        guard let existing = store.get(id) else { return .noContent }
        try request.precondition?.check(existing)
        if operations.isSynchronous {
            try store.delete(id)
            return ARMResponse(status: 200)
        }
        _ = try? store.update(id) { body in body["properties"]?["provisioningState"] = "Deleting" }
        let store = self.store
        let handle = operations.begin(
            for: request, namespace: Self.namespace, location: account.body["location"]?.stringValue ?? "", kind: .delete, resourceID: id
        ) { try store.delete(id) }
        return ARMResponse(status: 202, headers: operations.headers(for: handle))
    }
}
