import ARMCore
import JSON

/// The catalog-backed reads: SKUs, usages (quota), models, and the availability checks
/// (docs/accounts-and-deployments.md).
extension CognitiveServicesProvider {
    var catalogRoutes: [Route] {
        let location = Self.subscriptionPrefix + "/locations/{location}"
        return [
            Route(
                "GET", Self.accountPattern + "/skus", operationID: "Accounts_ListSkus",
                action: "Microsoft.CognitiveServices/accounts/skus/read"
            ) { request, parameters in
                let account = try store.require(request.resourceID)
                let kind = catalog.accountKind(account.body["kind"]?.stringValue ?? "")
                // Not paged (docs/azure-behaviours.md "Accounts: SKUs, usages and models").
                let value: [JSONValue] = (kind?.skus ?? []).map { sku in
                    ["resourceType": .string(Self.accountType), "sku": ["name": .string(sku), "tier": .string(Self.tier(of: sku))]]
                }
                return .ok(["value": .array(value)])
            },
            Route(
                "GET", Self.accountPattern + "/usages", operationID: "Accounts_ListUsages",
                action: "Microsoft.CognitiveServices/accounts/usages/read"
            ) { request, parameters in
                let account = try store.require(request.resourceID)
                let filter = try UsageFilter(request.query["$filter"])
                let region = account.body["location"]?.stringValue ?? ""
                let kind = account.body["kind"]?.stringValue ?? ""
                let names = Set(catalog.models(kind: kind, region: region).flatMap { $0.skus.map(\.usageName) })
                let usages = catalog.usages.filter { names.contains($0.name) && filter.matches($0.name) }
                // Not paged in the SDK (docs/azure-behaviours.md "Accounts: SKUs, usages and models"); one page holds them all.
                return .ok([
                    "value": .array(usages.map { usageJSON($0, subscriptionID: parameters.required("subscriptionId"), region: region) })
                ])
            },
            Route(
                "GET", Self.accountPattern + "/models", operationID: "Accounts_ListModels",
                action: "Microsoft.CognitiveServices/accounts/models/read"
            ) { request, parameters in
                let account = try store.require(request.resourceID)
                let models = catalog.models(
                    kind: account.body["kind"]?.stringValue ?? "", region: account.body["location"]?.stringValue ?? "")
                return try Pager(request: request).list(models.sorted { Self.modelKey($0) < Self.modelKey($1) }, key: Self.modelKey) {
                    Self.modelJSON($0)
                }
            },
            Route(
                "GET", location + "/models", operationID: "LocationModels_List", action: "Microsoft.CognitiveServices/locations/models/read"
            ) {
                request, parameters in
                let region = AzureRegion.normalize(parameters.required("location"))
                // One entry per kind that lists a version (OpenAI, AIServices, MaaS), as the service answers.
                var entries: [(String, JSONValue)] = []
                for model in catalog.models(region: region) {
                    for kind in model.kinds {
                        let key = kind.lowercased() + "/" + Self.modelKey(model)
                        entries.append((key, ["kind": .string(kind), "skuName": "S0", "model": Self.modelJSON(model)]))
                    }
                }
                return try Pager(request: request).list(entries.sorted { $0.0 < $1.0 }, key: { $0.0 }) { $0.1 }
            },
            Route(
                "GET", location + "/usages", operationID: "LocationUsages_List", action: "Microsoft.CognitiveServices/locations/usages/read"
            ) {
                request, parameters in
                let region = AzureRegion.normalize(parameters.required("location"))
                let filter = try UsageFilter(request.query["$filter"])
                let usages = catalog.offers(region: region) ? catalog.usages.filter { filter.matches($0.name) } : []
                return try Pager(request: request).list(
                    usages.sorted { $0.name.lowercased() < $1.name.lowercased() }, key: { $0.name.lowercased() }
                ) {
                    usageJSON($0, subscriptionID: parameters.required("subscriptionId"), region: region)
                }
            },
            Route(
                "GET", Self.subscriptionPrefix + "/skus", operationID: "ResourceSkus_List", action: "Microsoft.CognitiveServices/skus/read"
            ) {
                request, _ in
                var entries: [(String, JSONValue)] = []
                for kind in catalog.accountKinds {
                    for sku in kind.skus {
                        entries.append(
                            (
                                kind.kind.lowercased() + "/" + sku.lowercased(),
                                [
                                    "resourceType": "accounts", "name": .string(sku), "tier": .string(Self.tier(of: sku)),
                                    "kind": .string(kind.kind),
                                    "locations": .array(catalog.regions.map { .string($0.uppercased()) }), "restrictions": [],
                                ]
                            ))
                    }
                }
                return try Pager(request: request).list(entries.sorted { $0.0 < $1.0 }, key: { $0.0 }) { $0.1 }
            },
            Route(
                "POST", location + "/checkSkuAvailability", operationID: "Accounts_CheckSkuAvailability",
                action: "Microsoft.CognitiveServices/locations/checkSkuAvailability/action"
            ) { request, parameters in
                try checkSkuAvailability(request, region: AzureRegion.normalize(parameters.required("location")))
            },
            Route(
                "POST", Self.subscriptionPrefix + "/checkDomainAvailability", operationID: "Accounts_CheckDomainAvailability",
                action: "Microsoft.CognitiveServices/checkDomainAvailability/action"
            ) { request, _ in
                try checkDomainAvailability(request)
            },
        ]
    }

    static func tier(of sku: String) -> String {
        switch sku.uppercased().first {
        case "F": "Free"
        case "P": "Premium"
        case "E": "Enterprise"
        default: "Standard"
        }
    }

    static func modelKey(_ model: ModelCatalog.Model) -> String {
        "\(model.format)/\(model.name)/\(model.version)".lowercased()
    }

    /// `AccountModel`, with the fields the service fills in (the recorded `model list` answers):
    /// the SKUs are the region's, each with its capacity range and per-unit `rateLimits`.
    static func modelJSON(_ model: ModelCatalog.Model) -> JSONValue {
        let skus: [JSONValue] = model.skus.map { sku in
            var entry = JSONObject([("name", .string(sku.name)), ("usageName", .string(sku.usageName))])
            if let date = sku.deprecationDate { entry["deprecationDate"] = .string(date) }
            entry["capacity"] = capacityJSON(sku.capacity)
            if !sku.rateLimits.isEmpty {
                entry["rateLimits"] = .array(
                    sku.rateLimits.map { rule in
                        [
                            "key": .string(rule.key), "renewalPeriod": .int(Int64(rule.renewalPeriod)),
                            "count": .int(Int64(rule.count)),
                        ]
                    })
            }
            return .object(entry)
        }
        var body = JSONObject([
            ("format", .string(model.format)),
            ("name", .string(model.name)),
            ("version", .string(model.version)),
            ("isDefaultVersion", .bool(model.isDefaultVersion)),
            ("lifecycleStatus", .string(model.lifecycleStatus)),
        ])
        if let maxCapacity = model.maxCapacity { body["maxCapacity"] = .int(Int64(maxCapacity)) }
        body["capabilities"] = .object(model.capabilities)
        if !model.deprecation.isEmpty { body["deprecation"] = .object(model.deprecation) }
        body["skus"] = .array(skus)
        if !model.systemData.isEmpty { body["systemData"] = .object(model.systemData) }
        return .object(body)
    }

    /// `capacity{minimum,maximum,step,default}` with only the members the catalog lists, as the service answers.
    static func capacityJSON(_ capacity: ModelCatalog.Capacity) -> JSONValue {
        var object = JSONObject()
        if let minimum = capacity.minimum { object["minimum"] = .int(Int64(minimum)) }
        object["maximum"] = .int(Int64(capacity.maximum))
        if let step = capacity.step { object["step"] = .int(Int64(step)) }
        if let value = capacity.defaultValue { object["default"] = .int(Int64(value)) }
        return .object(object)
    }

    /// `Usage` (docs/azure-behaviours.md "Accounts: SKUs, usages and models"): `currentValue` is the capacity deployments hold in this
    /// subscription and region, `limit` the catalog default or the seed's override.
    func usageJSON(_ usage: ModelCatalog.Usage, subscriptionID: String, region: String) -> JSONValue {
        let used = usedCapacity(subscriptionID: subscriptionID, region: region, usageName: usage.name, excluding: nil)
        return .object(
            JSONObject([
                ("name", ["value": .string(usage.name), "localizedValue": .string(usage.localizedName)]),
                ("currentValue", .int(Int64(used))),
                ("limit", .int(Int64(quotas.limit(usageName: usage.name, subscriptionID: subscriptionID, location: region)))),
                ("unit", "Count"),
                ("status", "Included"),
            ]))
    }

    /// Capacity held by deployments of `usageName` in a subscription and region (their private
    /// state records both), `excluding` one deployment being replaced.
    func usedCapacity(subscriptionID: String, region: String, usageName: String, excluding: ResourceID?) -> Int {
        let deployments = store.all(under: .subscription(subscriptionID), types: [Self.deploymentType])
        return deployments.reduce(0) { total, deployment in
            guard deployment.id != excluding,
                deployment.privateState["usageName"]?.stringValue?.lowercased() == usageName.lowercased(),
                deployment.privateState["location"]?.stringValue == region
            else { return total }
            return total + (deployment.privateState["capacity"]?.intValue ?? 0)
        }
    }

    /// docs/azure-behaviours.md "Subscription helpers": `skus`, `kind` and `type` are required.
    func checkSkuAvailability(_ request: ARMRequest, region: String) throws -> ARMResponse {
        let input = try request.jsonBody()
        guard let skus = input["skus"]?.arrayValue else {
            throw ARMError.badRequest("Value cannot be null. (Parameter 'requestObject.Skus')")
        }
        guard let kind = input["kind"]?.stringValue else {
            throw ARMError.badRequest("Value cannot be null. (Parameter 'requestObject.Kind')")
        }
        guard let type = input["type"]?.stringValue else {
            throw ARMError.badRequest("Value cannot be null. (Parameter 'requestObject.Type')")
        }
        let kindInfo = catalog.accountKind(kind)
        let value: [JSONValue] = skus.map { sku in
            let name = sku.stringValue ?? sku.description
            let available = catalog.offers(region: region) && kindInfo?.skus.contains { $0.lowercased() == name.lowercased() } == true
            return .object(
                JSONObject([
                    ("kind", .string(kind)), ("type", .string(type)), ("skuName", .string(name)), ("skuAvailable", .bool(available)),
                    ("reason", available ? .null : "NotAvailableForKind"),
                    (
                        "message",
                        available ? .null : .string("The SKU '\(name)' is not available for kind '\(kind)' in location '\(region)'.")
                    ),
                ]))
        }
        return .ok(["value": .array(value)])
    }

    /// docs/azure-behaviours.md "Subscription helpers": `subdomainName` and `type` required; a soft-deleted account's subdomain is taken.
    func checkDomainAvailability(_ request: ARMRequest) throws -> ARMResponse {
        let input = try request.jsonBody()
        guard let subdomain = input["subdomainName"]?.stringValue else {
            throw ARMError.badRequest("Value cannot be null. (Parameter 'requestObject.SubdomainName')")
        }
        guard input["type"]?.stringValue != nil else { throw ARMError.badRequest("Value cannot be null. (Parameter 'requestObject.Type')") }
        let available = serializer.run { subdomainOwner(subdomain) == nil }
        var body = JSONObject([
            ("isSubdomainAvailable", .bool(available)),
            ("reason", available ? .null : .string("Sub domain name '\(subdomain)' is already used. Please pick a different name.")),
            ("subdomainName", .string(subdomain)),
            ("type", .null),
        ])
        if let kind = input["kind"]?.stringValue { body["kind"] = .string(kind) }
        return .ok(.object(body))
    }
}
