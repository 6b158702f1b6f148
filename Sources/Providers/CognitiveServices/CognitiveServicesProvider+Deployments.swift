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

    static let versionUpgradeOptions = ["OnceNewDefaultVersionAvailable", "OnceCurrentVersionExpired", "NoAutoUpgrade"]

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
        guard Self.isValidName(name) else {
            throw ARMError.invalidChildName(
                name, kind: "deployment", rule: "It must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit.")
        }
        let input = try request.jsonBody()
        let caller = request.caller
        let date = now()
        let write = try serializer.run { () throws -> ResourceStore.Write in
            let account = try writableAccount(request)
            let id = account.id.child(type: "deployments", name: name)
            let existing = store.get(id)
            let (body, privateState) = try buildDeployment(
                id: id, name: name, input: input, account: account, existing: existing, caller: caller, date: date)
            return try store.put(id, body: body, privateState: privateState, precondition: request.precondition)
        }
        let id = write.resource.id
        let headers = finishProvisioning(id, request: request, location: write.resource.privateState["location"]?.stringValue ?? "") {
            .object($0)
        }
        return ARMResponse(status: write.created ? 201 : 200, headers: headers ?? HTTPHeaders(), body: .object(write.resource.body))
    }

    /// Validates a deployment against the catalog and the quota (under the serializer) and builds
    /// its body; the private state records what the quota arithmetic needs.
    func buildDeployment(
        id: ResourceID, name: String, input: JSONObject, account: StoredResource, existing: StoredResource?, caller: Caller?, date: Date
    ) throws -> (JSONObject, JSONObject) {
        let kind = account.body["kind"]?.stringValue ?? ""
        let region = account.body["location"]?.stringValue ?? ""
        let properties = input["properties"]?.objectValue ?? JSONObject()
        guard let modelInput = properties["model"]?.objectValue,
            let format = modelInput["format"]?.stringValue, let modelName = modelInput["name"]?.stringValue
        else {
            throw ARMError.invalidResourceProperties("The deployment property 'properties.model' with 'format' and 'name' is required.")
        }
        let requestedVersion = modelInput["version"]?.stringValue
        guard let model = catalog.model(format: format, name: modelName, version: requestedVersion, kind: kind, region: region) else {
            throw ARMError.deploymentModelNotSupported(format: format, name: modelName, version: requestedVersion ?? "")
        }
        if let previous = existing?.body["properties"]?["model"],
            previous["name"]?.stringValue?.lowercased() != model.name.lowercased()
                || previous["format"]?.stringValue?.lowercased() != model.format.lowercased()
        {
            throw ARMError.deploymentModelChange
        }
        // A deployment that already runs this version keeps it (Azure retires it on its own schedule);
        // a new deployment, or a move to this version, must pass the lifecycle checks.
        if existing?.body["properties"]?["model"]?["version"]?.stringValue?.lowercased() != model.version.lowercased() {
            try requireDeployable(model)
        }
        guard let skuName = input["sku"]?["name"]?.stringValue else {
            throw ARMError.invalidResourceProperties("The deployment property 'sku' with a 'name' is required.")
        }
        guard let sku = model.skus.first(where: { $0.name.lowercased() == skuName.lowercased() }) else {
            throw ARMError.deploymentSkuNotSupported(sku: skuName, model: model.name, version: model.version)
        }
        // `az … deployment create --sku-capacity 10` sends the number as a string; the service's
        // JSON.NET reader converts numeric strings, so the emulator does too.
        let capacityValue = input["sku"]?["capacity"]
        let parsedCapacity = capacityValue?.intValue ?? capacityValue?.stringValue.flatMap { Int($0) }
        guard capacityValue == nil || capacityValue == .null || parsedCapacity != nil else {
            throw ARMError.invalidResourceProperties("The deployment property 'sku.capacity' must be an integer.")
        }
        // The catalog's range first (what the SKU allows at all), the quota later (what this
        // subscription has left): a request inside the range but above the quota is InsufficientQuota.
        let capacity = parsedCapacity ?? sku.capacity.effectiveDefault
        guard capacity >= sku.capacity.lowest, capacity <= sku.capacity.maximum else {
            throw ARMError.deploymentCapacityInvalid(capacity, minimum: sku.capacity.lowest, maximum: sku.capacity.maximum)
        }
        if let step = sku.capacity.step, step > 1, capacity % step != 0 {
            throw ARMError.deploymentCapacityStep(capacity, step: step)
        }
        let raiPolicyName =
            properties["raiPolicyName"]?.stringValue ?? existing?.body["properties"]?["raiPolicyName"]?.stringValue
            ?? "Microsoft.DefaultV2"
        try requireRaiPolicy(raiPolicyName, account: account.id)
        let upgradeInput = properties["versionUpgradeOption"]?.stringValue ?? "OnceNewDefaultVersionAvailable"
        guard let upgrade = Self.versionUpgradeOptions.first(where: { $0.lowercased() == upgradeInput.lowercased() }) else {
            throw ARMError.invalidResourceProperties(
                "The versionUpgradeOption '\(upgradeInput)' is invalid. Valid values are \(Self.versionUpgradeOptions.joined(separator: ", "))."
            )
        }
        let subscriptionID = id.subscriptionID ?? ""
        try chargeQuota(sku: sku, capacity: capacity, subscriptionID: subscriptionID, region: region, deployment: id)

        var outProperties = JSONObject()
        outProperties["model"] = .object(
            JSONObject([
                ("format", .string(model.format)), ("name", .string(model.name)), ("version", .string(model.version)),
            ]))
        outProperties["versionUpgradeOption"] = .string(upgrade)
        outProperties["currentCapacity"] = .int(Int64(capacity))
        outProperties["raiPolicyName"] = .string(raiPolicyName)
        outProperties["provisioningState"] = initialProvisioningState
        outProperties["capabilities"] = .object(model.capabilities)
        let rateLimits = Self.rateLimits(capacity: capacity, sku: sku)
        if let first = rateLimits.first {
            outProperties["rateLimits"] = .array(rateLimits)
            outProperties["callRateLimit"] = [
                "count": first["count"] ?? 0, "renewalPeriod": first["renewalPeriod"] ?? 10, "rules": .array(rateLimits),
            ]
        }
        for key in ["capacitySettings", "parentDeploymentName", "spilloverDeploymentName", "dynamicThrottlingEnabled"] {
            if let value = properties[key] { outProperties[key] = value }
        }
        var body = JSONObject([
            ("id", .string(id.description)),
            ("name", .string(name)),
            ("type", .string(Self.deploymentType)),
            ("sku", ["name": .string(sku.name), "capacity": .int(Int64(capacity))]),
        ])
        if let tags = input.value(forKeyIgnoringCase: "tags"), tags != .null { body["tags"] = .object(try TagRules.validate(tags)) }
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: existing?.body["systemData"]))
        body["properties"] = .object(outProperties)
        let privateState: JSONObject = [
            "usageName": .string(sku.usageName), "location": .string(region), "capacity": .int(Int64(capacity)),
        ]
        return (body, privateState)
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

    /// The SKU's `rateLimits` (per capacity unit, from the catalog) times the capacity: gpt-4o
    /// GlobalStandard at capacity 10 gets 10 requests per 10 s and 10,000 tokens per 60 s, as a real
    /// deployment's `rateLimits` read. SKUs the catalog lists without limits (provisioned, batch,
    /// most partner models) get none, and the data plane does not throttle them (docs/dataplane.md).
    static func rateLimits(capacity: Int, sku: ModelCatalog.Sku) -> [JSONValue] {
        sku.rateLimits.map { rule in
            [
                "key": .string(rule.key), "renewalPeriod": .int(Int64(rule.renewalPeriod)),
                "count": .int(Int64(rule.count) * Int64(capacity)),
            ]
        }
    }

    /// The lifecycle checks a new deployment of `model` passes, in the service's order: a passed
    /// `deprecation.inference` date (judged as of the catalog's `asOf`, docs/accounts-and-deployments.md),
    /// then a `Deprecated`, then a `Deprecating` lifecycle status.
    func requireDeployable(_ model: ModelCatalog.Model) throws {
        if let date = model.inferenceDeprecation, date <= catalog.asOf {
            throw ARMError.serviceModelDeprecated(
                format: model.format, name: model.name, version: model.version, since: Self.serviceDate(date))
        }
        switch model.lifecycleStatus.lowercased() {
        case "deprecated": throw ARMError.deploymentModelRetired(name: model.name)
        case "deprecating": throw ARMError.serviceModelDeprecating(format: model.format, name: model.name, version: model.version)
        default: return
        }
    }

    /// `2025-04-30T00:00:00Z` -> `04/30/2025 00:00:00`, the form the service's deprecation message uses.
    static func serviceDate(_ iso: String) -> String {
        let characters = Array(iso)
        guard characters.count >= 19 else { return iso }
        let year = String(characters[0..<4])
        let month = String(characters[5..<7])
        let day = String(characters[8..<10])
        return "\(month)/\(day)/\(year) " + String(characters[11..<19])
    }

    /// PATCH (`PatchResourceTagsAndSku` plus the properties the issue names): capacity and SKU
    /// (re-charged), tags, `versionUpgradeOption`, `raiPolicyName`. Answers 200.
    func updateDeployment(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let input = try request.jsonBody()
        let caller = request.caller
        let date = now()
        let updated = try serializer.run { () throws -> StoredResource in
            let account = try writableAccount(request)
            let id = account.id.child(type: "deployments", name: parameters.required("deploymentName"))
            let existing = try store.require(id)
            var merged = JSONObject()
            var sku = existing.body["sku"]?.objectValue ?? JSONObject()
            if let patch = input["sku"]?.objectValue { sku.mergePatch(patch) }
            merged["sku"] = .object(sku)
            merged["tags"] = input.value(forKeyIgnoringCase: "tags") ?? existing.body["tags"]
            var properties = existing.body["properties"]?.objectValue ?? JSONObject()
            if let patch = input["properties"]?.objectValue {
                for key in ["versionUpgradeOption", "raiPolicyName", "capacitySettings", "dynamicThrottlingEnabled"] {
                    if let value = patch[key] { properties[key] = value }
                }
            }
            merged["properties"] = .object(properties)
            var (body, privateState) = try buildDeployment(
                id: id, name: existing.body["name"]?.stringValue ?? id.name, input: merged, account: account, existing: existing,
                caller: caller, date: date)
            body["properties"]?["provisioningState"] = existing.body["properties"]?["provisioningState"] ?? "Succeeded"
            return try store.updateResource(id, precondition: request.precondition) { resource in
                resource.body = body
                resource.privateState = privateState
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
