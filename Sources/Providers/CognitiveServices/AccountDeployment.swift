import ARMCore
import Foundation
import JSON

/// A model deployment of an account (`Microsoft.CognitiveServices/accounts/deployments`, the REST
/// spec's `Deployment`), validated from the body of a PUT (or a PATCH merged onto the stored
/// deployment), the deployment it replaces and the account's model catalog
/// (docs/azure-behaviours.md "Model deployments"). The checks run in the service's order; the two
/// that read the store (the RAI policy, the quota) are the provider's, called at their place.
struct AccountDeployment {
    static let versionUpgradeOptions = ["OnceNewDefaultVersionAvailable", "OnceCurrentVersionExpired", "NoAutoUpgrade"]

    /// What the provider checks against the store, in the order the service checks it.
    struct StoreChecks {
        /// A `raiPolicyName` names a built-in policy or one of the account's.
        var requireRaiPolicy: (String) throws -> Void
        /// The capacity fits the subscription's quota for the SKU's usage name.
        var chargeQuota: (ModelCatalog.Sku, Int) throws -> Void
    }

    let body: JSONObject
    /// What the quota arithmetic needs: `usageName`, `location`, `capacity`.
    let privateState: JSONObject

    init(
        id: ResourceID, name: String, input: JSONObject, existing: StoredResource?, account: StoredResource, catalog: ModelCatalog,
        checks: StoreChecks, provisioningState: JSONValue, caller: Caller?, date: Date
    ) throws {
        let region = account.body["location"]?.stringValue ?? ""
        let properties = input["properties"]?.objectValue ?? JSONObject()
        let previous = existing?.body["properties"]
        let model = try Self.model(
            properties["model"], previous: previous?["model"], kind: account.body["kind"]?.stringValue ?? "", region: region,
            catalog: catalog)
        let (sku, capacity) = try Self.skuAndCapacity(input["sku"], model: model)
        let raiPolicyName =
            properties["raiPolicyName"]?.stringValue ?? previous?["raiPolicyName"]?.stringValue ?? "Microsoft.DefaultV2"
        try checks.requireRaiPolicy(raiPolicyName)
        let upgrade = try Self.versionUpgradeOption(properties["versionUpgradeOption"]?.stringValue)
        try checks.chargeQuota(sku, capacity)

        var outProperties = JSONObject()
        outProperties["model"] = .object(
            JSONObject([
                ("format", .string(model.format)), ("name", .string(model.name)), ("version", .string(model.version)),
            ]))
        outProperties["versionUpgradeOption"] = .string(upgrade)
        outProperties["currentCapacity"] = .int(Int64(capacity))
        outProperties["raiPolicyName"] = .string(raiPolicyName)
        outProperties["provisioningState"] = provisioningState
        outProperties["capabilities"] = .object(model.capabilities)
        for (key, value) in Self.rateLimitProperties(capacity: capacity, sku: sku).pairs { outProperties[key] = value }
        for key in ["capacitySettings", "parentDeploymentName", "spilloverDeploymentName", "dynamicThrottlingEnabled"] {
            if let value = properties[key] { outProperties[key] = value }
        }
        var body = JSONObject([
            ("id", .string(id.description)),
            ("name", .string(name)),
            ("type", .string(CognitiveServicesProvider.deploymentType)),
            ("sku", ["name": .string(sku.name), "capacity": .int(Int64(capacity))]),
        ])
        if let tags = input.value(forKeyIgnoringCase: "tags"), tags != .null { body["tags"] = .object(try TagRules.validate(tags)) }
        body["systemData"] = .object(SystemData.make(caller: caller, at: date, previous: existing?.body["systemData"]))
        body["properties"] = .object(outProperties)
        self.body = body
        privateState = ["usageName": .string(sku.usageName), "location": .string(region), "capacity": .int(Int64(capacity))]
    }

    /// A PATCH body merged onto the stored deployment, as a PUT body: `sku` merged (RFC 7396),
    /// `tags` replaced when given, and the properties a PATCH may change
    /// (`PatchResourceTagsAndSku` plus the ones the issue names) over the stored ones.
    static func patched(_ existing: StoredResource, with input: JSONObject) -> JSONObject {
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
        return merged
    }

    /// Deployment names: 1-64 letters, digits, `_`, `.` or `-`, starting with a letter or digit.
    static func checkName(_ name: String) throws {
        guard CognitiveServicesProvider.isValidName(name) else {
            throw ARMError.invalidChildName(
                name, kind: "deployment", rule: "It must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit.")
        }
    }

    /// `properties.model`: in the catalog for the account's kind and region, the same model as the
    /// stored deployment's (a version change is allowed), and deployable when it is a new version.
    static func model(
        _ value: JSONValue?, previous: JSONValue?, kind: String, region: String, catalog: ModelCatalog
    ) throws -> ModelCatalog.Model {
        guard let modelInput = value?.objectValue,
            let format = modelInput["format"]?.stringValue, let modelName = modelInput["name"]?.stringValue
        else {
            throw ARMError.invalidResourceProperties("The deployment property 'properties.model' with 'format' and 'name' is required.")
        }
        let requestedVersion = modelInput["version"]?.stringValue
        guard let model = catalog.model(format: format, name: modelName, version: requestedVersion, kind: kind, region: region) else {
            throw ARMError.deploymentModelNotSupported(format: format, name: modelName, version: requestedVersion ?? "")
        }
        if let previous,
            previous["name"]?.stringValue?.lowercased() != model.name.lowercased()
                || previous["format"]?.stringValue?.lowercased() != model.format.lowercased()
        {
            throw ARMError.deploymentModelChange
        }
        // A deployment that already runs this version keeps it (Azure retires it on its own schedule);
        // a new deployment, or a move to this version, must pass the lifecycle checks.
        if previous?["version"]?.stringValue?.lowercased() != model.version.lowercased() {
            try requireDeployable(model, asOf: catalog.asOf)
        }
        return model
    }

    /// `sku.name` among the model's SKUs and `sku.capacity` (default: the SKU's) inside the SKU's
    /// range and step. The catalog's range comes first (what the SKU allows at all), the quota
    /// later (what this subscription has left): a request inside the range but above the quota is
    /// InsufficientQuota.
    static func skuAndCapacity(_ value: JSONValue?, model: ModelCatalog.Model) throws -> (ModelCatalog.Sku, Int) {
        guard let skuName = value?["name"]?.stringValue else {
            throw ARMError.invalidResourceProperties("The deployment property 'sku' with a 'name' is required.")
        }
        guard let sku = model.skus.first(where: { $0.name.lowercased() == skuName.lowercased() }) else {
            throw ARMError.deploymentSkuNotSupported(sku: skuName, model: model.name, version: model.version)
        }
        // `az … deployment create --sku-capacity 10` sends the number as a string; the service's
        // JSON.NET reader converts numeric strings, so the emulator does too.
        let capacityValue = value?["capacity"]
        let parsedCapacity = capacityValue?.intValue ?? capacityValue?.stringValue.flatMap { Int($0) }
        guard capacityValue == nil || capacityValue == .null || parsedCapacity != nil else {
            throw ARMError.invalidResourceProperties("The deployment property 'sku.capacity' must be an integer.")
        }
        let capacity = parsedCapacity ?? sku.capacity.effectiveDefault
        guard capacity >= sku.capacity.lowest, capacity <= sku.capacity.maximum else {
            throw ARMError.deploymentCapacityInvalid(capacity, minimum: sku.capacity.lowest, maximum: sku.capacity.maximum)
        }
        if let step = sku.capacity.step, step > 1, capacity % step != 0 {
            throw ARMError.deploymentCapacityStep(capacity, step: step)
        }
        return (sku, capacity)
    }

    /// `versionUpgradeOption` in the service's spelling (default `OnceNewDefaultVersionAvailable`).
    static func versionUpgradeOption(_ text: String?) throws -> String {
        let upgradeInput = text ?? "OnceNewDefaultVersionAvailable"
        guard let upgrade = versionUpgradeOptions.first(where: { $0.lowercased() == upgradeInput.lowercased() }) else {
            throw ARMError.invalidResourceProperties(
                "The versionUpgradeOption '\(upgradeInput)' is invalid. Valid values are \(versionUpgradeOptions.joined(separator: ", "))."
            )
        }
        return upgrade
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

    /// `rateLimits` and `callRateLimit` (the first rule's count and period, with every rule), when
    /// the SKU has limits.
    static func rateLimitProperties(capacity: Int, sku: ModelCatalog.Sku) -> JSONObject {
        let rules = rateLimits(capacity: capacity, sku: sku)
        guard let first = rules.first else { return JSONObject() }
        return JSONObject([
            ("rateLimits", .array(rules)),
            ("callRateLimit", ["count": first["count"] ?? 0, "renewalPeriod": first["renewalPeriod"] ?? 10, "rules": .array(rules)]),
        ])
    }

    /// The lifecycle checks a new deployment of `model` passes, in the service's order: a passed
    /// `deprecation.inference` date (judged as of the catalog's `asOf`, docs/accounts-and-deployments.md),
    /// then a `Deprecated`, then a `Deprecating` lifecycle status.
    static func requireDeployable(_ model: ModelCatalog.Model, asOf: String) throws {
        if let date = model.inferenceDeprecation, date <= asOf {
            throw ARMError.serviceModelDeprecated(format: model.format, name: model.name, version: model.version, since: serviceDate(date))
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
}
