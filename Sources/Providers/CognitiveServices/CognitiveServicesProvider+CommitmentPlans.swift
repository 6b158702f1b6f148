import ARMCore
import Foundation
import JSON

/// Commitment plans: on an account (`accounts/{a}/commitmentPlans`, what `az cognitiveservices
/// account commitment-plan` drives) and shared plans in a resource group (`commitmentPlans/{p}`)
/// with their `accountAssociations`; and the regional tier list. Shapes follow the Azure CLI's
/// recording `test_cognitiveservices_commitment_plan.yaml` (Azure/azure-cli): the current period
/// runs from today to the first of next month with a prorated quota, the next period is a whole
/// month. PUT answers 201/200, DELETE 200 (204 when absent); all synchronous.
extension CognitiveServicesProvider {
    static let accountCommitmentPlanType = "Microsoft.CognitiveServices/accounts/commitmentPlans"
    static let commitmentPlanType = "Microsoft.CognitiveServices/commitmentPlans"
    static let commitmentPlanAssociationType = "Microsoft.CognitiveServices/commitmentPlans/accountAssociations"
    static let hostingModels = ["Web", "ConnectedContainer", "DisconnectedContainer", "ProvisionedWeb"]

    var commitmentPlanRoutes: [Route] {
        let accountPlans = Self.accountPattern + "/commitmentPlans"
        let accountPlan = accountPlans + "/{commitmentPlanName}"
        let plans = Self.resourceGroupPrefix + "/commitmentPlans"
        let plan = plans + "/{commitmentPlanName}"
        let associations = plan + "/accountAssociations"
        let association = associations + "/{commitmentPlanAssociationName}"
        let accountAction = "Microsoft.CognitiveServices/accounts/commitmentPlans/"
        let planAction = "Microsoft.CognitiveServices/commitmentPlans/"
        return [
            Route(
                "GET", Self.subscriptionPrefix + "/locations/{location}/commitmentTiers", operationID: "CommitmentTiers_List",
                action: "Microsoft.CognitiveServices/locations/commitmentTiers/read"
            ) { request, _ in
                try Pager(request: request).list(
                    Array(CommitmentTier.all.enumerated()), key: { String(format: "%04d", $0.offset) }, render: { $0.element.json })
            },
            // On an account.
            Route("GET", accountPlans, operationID: "CommitmentPlans_List", action: accountAction + "read") { request, parameters in
                let account = try requireParentAccount(request, childType: Self.accountCommitmentPlanType, operation: "read")
                return try Pager(request: request).list(store, under: account.id, types: [Self.accountCommitmentPlanType])
            },
            Route("GET", accountPlan, operationID: "CommitmentPlans_Get", action: accountAction + "read") { request, parameters in
                let account = try requireParentAccount(request, childType: Self.accountCommitmentPlanType, operation: "read")
                return .ok(
                    .object(
                        try store.require(account.id.child(type: "commitmentPlans", name: parameters.required("commitmentPlanName"))).body))
            },
            Route("PUT", accountPlan, operationID: "CommitmentPlans_CreateOrUpdate", action: accountAction + "write") {
                request, parameters in
                let account = try requireParentAccount(request, childType: Self.accountCommitmentPlanType, operation: "write")
                let id = account.id.child(type: "commitmentPlans", name: parameters.required("commitmentPlanName"))
                return try putCommitmentPlan(
                    request, id: id, type: Self.accountCommitmentPlanType, kind: account.body["kind"]?.stringValue, tracked: false)
            },
            Route("DELETE", accountPlan, operationID: "CommitmentPlans_Delete", action: accountAction + "delete") { request, parameters in
                let account = try requireParentAccount(request, childType: Self.accountCommitmentPlanType, operation: "delete")
                return try deleteCommitmentResource(
                    account.id.child(type: "commitmentPlans", name: parameters.required("commitmentPlanName")), request: request)
            },
            // Shared plans in a resource group.
            Route(
                "GET", Self.subscriptionPrefix + "/commitmentPlans", operationID: "CommitmentPlans_ListPlansBySubscription",
                action: planAction + "read"
            ) { request, parameters in
                try Pager(request: request).list(
                    store, under: .subscription(parameters.required("subscriptionId")), types: [Self.commitmentPlanType])
            },
            Route("GET", plans, operationID: "CommitmentPlans_ListPlansByResourceGroup", action: planAction + "read") {
                request, parameters in
                return try Pager(request: request).list(store, under: planGroup(parameters), types: [Self.commitmentPlanType])
            },
            Route("GET", plan, operationID: "CommitmentPlans_GetPlan", action: planAction + "read") { _, parameters in
                return .ok(.object(try store.require(planID(parameters)).body))
            },
            Route("PUT", plan, operationID: "CommitmentPlans_CreateOrUpdatePlan", action: planAction + "write") { request, parameters in
                let input = try request.jsonBody()
                return try putCommitmentPlan(
                    request, id: planID(parameters), type: Self.commitmentPlanType, kind: input["kind"]?.stringValue, tracked: true)
            },
            Route("PATCH", plan, operationID: "CommitmentPlans_UpdatePlan", action: planAction + "write") { request, parameters in
                let input = try request.jsonBody()
                let tags = try input.value(forKeyIgnoringCase: "tags").map { try TagRules.validate($0) }
                let updated = try store.update(planID(parameters), precondition: request.precondition) { body in
                    if let tags { body["tags"] = .object(tags) }
                    if let sku = input["sku"], sku != .null { body["sku"] = sku }
                }
                return .ok(.object(updated.body))
            },
            Route("DELETE", plan, operationID: "CommitmentPlans_DeletePlan", action: planAction + "delete") { request, parameters in
                let id = planID(parameters)
                guard let existing = store.get(id) else { return .noContent }
                try request.precondition?.check(existing)
                _ = store.removeAll(under: id)
                return ARMResponse(status: 200)
            },
            Route("GET", associations, operationID: "CommitmentPlans_ListAssociations", action: planAction + "accountAssociations/read") {
                request, parameters in
                let plan = try store.require(planID(parameters))
                return try Pager(request: request).list(store, under: plan.id, types: [Self.commitmentPlanAssociationType])
            },
            Route("GET", association, operationID: "CommitmentPlans_GetAssociation", action: planAction + "accountAssociations/read") {
                _, parameters in
                let plan = try store.require(planID(parameters))
                return .ok(
                    .object(
                        try store.require(
                            plan.id.child(
                                type: "accountAssociations", name: parameters.required("commitmentPlanAssociationName"))
                        ).body))
            },
            Route(
                "PUT", association, operationID: "CommitmentPlans_CreateOrUpdateAssociation",
                action: planAction + "accountAssociations/write"
            ) { request, parameters in
                try putAssociation(request, parameters)
            },
            Route(
                "DELETE", association, operationID: "CommitmentPlans_DeleteAssociation",
                action: planAction + "accountAssociations/delete"
            ) { request, parameters in
                let plan = try store.require(planID(parameters))
                return try deleteCommitmentResource(
                    plan.id.child(type: "accountAssociations", name: parameters.required("commitmentPlanAssociationName")),
                    request: request)
            },
        ]
    }

    func planGroup(_ parameters: RouteParameters) -> ResourceID {
        .resourceGroup(subscriptionID: parameters.required("subscriptionId"), name: parameters.required("resourceGroupName"))
    }

    func planID(_ parameters: RouteParameters) -> ResourceID {
        planGroup(parameters).appending(namespace: Self.namespace, type: "commitmentPlans", name: parameters.required("commitmentPlanName"))
    }

    func deleteCommitmentResource(_ id: ResourceID, request: ARMRequest) throws -> ARMResponse {
        guard let existing = store.get(id) else { return .noContent }
        try request.precondition?.check(existing)
        try store.delete(id)
        return ARMResponse(status: 200)
    }

    /// Validates `hostingModel`, `planType` and the tiers against the regional list, then stores
    /// the plan with its periods. A tracked (resource-group) plan also needs `location`, `kind`
    /// and `sku`.
    func putCommitmentPlan(_ request: ARMRequest, id: ResourceID, type: String, kind: String?, tracked: Bool) throws -> ARMResponse {
        let name = id.name
        guard Self.isValidName(name, allowDot: true) else {
            throw ARMError.invalidChildName(
                name, kind: "commitment plan", rule: "It must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit."
            )
        }
        let input = try request.jsonBody()
        guard let given = input["properties"]?.objectValue else {
            throw ARMError.invalidResourceProperties("The commitment plan property 'properties' is required.")
        }
        guard let hostingText = given["hostingModel"]?.stringValue,
            let hostingModel = Self.hostingModels.first(where: { $0.lowercased() == hostingText.lowercased() })
        else {
            throw ARMError.invalidResourceProperties(
                "The commitment plan property 'hostingModel' must be one of \(Self.hostingModels.joined(separator: ", ")).")
        }
        guard let planType = given["planType"]?.stringValue, !planType.isEmpty else {
            throw ARMError.invalidResourceProperties("The commitment plan property 'planType' is required.")
        }
        let date = now()
        var properties = JSONObject([("hostingModel", .string(hostingModel)), ("planType", .string(planType))])
        let (currentStart, currentEnd, nextEnd) = Self.periodBounds(date)
        for (key, start, end) in [("current", currentStart, currentEnd), ("next", currentEnd, nextEnd)] {
            guard let period = given[key]?.objectValue, let tierName = period["tier"]?.stringValue else { continue }
            guard let tier = CommitmentTier.find(kind: kind, hostingModel: hostingModel, planType: planType, tier: tierName) else {
                throw ARMError.invalidResourceProperties(
                    "The commitment tier '\(tierName)' is not available for kind '\(kind ?? "")', hosting model '\(hostingModel)' "
                        + "and plan type '\(planType)'.")
            }
            var quantity = tier.quantity
            if key == "current" {
                let whole = end.timeIntervalSince(Self.monthStart(start)) / 86400
                let left = end.timeIntervalSince(start) / 86400
                quantity = Int64((Double(tier.quantity) * left / max(whole, 1)).rounded(.down))
            }
            var rendered = JSONObject([("tier", .string(tier.tier))])
            if let count = period["count"], count != .null { rendered["count"] = count }
            rendered["startDate"] = .string(String(ARMTimestamp.string(from: start).prefix(19)) + "Z")
            rendered["endDate"] = .string(String(ARMTimestamp.string(from: end).prefix(19)) + "Z")
            rendered["quota"] = ["quantity": .int(quantity), "unit": .string(tier.unit)]
            properties[key] = .object(rendered)
        }
        if let autoRenew = given["autoRenew"] {
            guard autoRenew.boolValue != nil else {
                throw ARMError.invalidResourceProperties("The commitment plan property 'autoRenew' must be a boolean.")
            }
            properties["autoRenew"] = autoRenew
        }
        if tracked {
            properties["commitmentPlanGuid"] = store.get(id)?.body["properties"]?["commitmentPlanGuid"] ?? .string(newGUID())
            properties["provisioningState"] = "Succeeded"
        }
        var body = JSONObject([("id", .string(id.description)), ("type", .string(type)), ("name", .string(name))])
        if tracked {
            guard let location = input.value(forKeyIgnoringCase: "location")?.stringValue, !location.isEmpty else {
                throw ARMError.missingLocation
            }
            guard let kind, !kind.isEmpty else {
                throw ARMError.invalidResourceProperties("The 'kind' property is required to create a commitment plan.")
            }
            guard let skuName = input["sku"]?["name"]?.stringValue else {
                throw ARMError.invalidResourceProperties("The 'sku' property with a 'name' is required to create a commitment plan.")
            }
            body["location"] = .string(location)
            body["kind"] = .string(kind)
            body["sku"] = ["name": .string(skuName)]
            body["tags"] = .object(try TagRules.validate(input.value(forKeyIgnoringCase: "tags")))
        }
        body["properties"] = .object(properties)
        body["systemData"] = .object(SystemData.make(caller: request.caller, at: date, previous: store.get(id)?.body["systemData"]))
        let write = try store.put(id, body: body, precondition: request.precondition)
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }

    /// `{properties: {accountId}}`: the account must exist.
    func putAssociation(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let plan = try store.require(planID(parameters))
        let id = plan.id.child(type: "accountAssociations", name: parameters.required("commitmentPlanAssociationName"))
        let input = try request.jsonBody()
        guard let accountText = input["properties"]?["accountId"]?.stringValue else {
            throw ARMError.invalidResourceProperties("The association property 'properties.accountId' is required.")
        }
        guard let accountID = ResourceID(accountText), store.get(accountID)?.body["type"]?.stringValue == Self.accountType
        else {
            throw ARMError.invalidResourceProperties("The account '\(accountText)' of the association does not exist.")
        }
        var body = JSONObject([
            ("id", .string(id.description)), ("type", .string(Self.commitmentPlanAssociationType)), ("name", .string(id.name)),
        ])
        body["properties"] = ["accountId": .string(accountID.description)]
        body["systemData"] = .object(SystemData.make(caller: request.caller, at: now(), previous: store.get(id)?.body["systemData"]))
        let write = try store.put(id, body: body, precondition: request.precondition)
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }

    static func monthStart(_ date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: calendar.dateComponents([.year, .month], from: date)) ?? date
    }

    /// (start of today, first of next month, first of the month after), UTC.
    static func periodBounds(_ date: Date) -> (Date, Date, Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let today = calendar.startOfDay(for: date)
        let nextMonth = calendar.date(byAdding: .month, value: 1, to: monthStart(date)) ?? today
        let monthAfter = calendar.date(byAdding: .month, value: 1, to: nextMonth) ?? nextMonth
        return (today, nextMonth, monthAfter)
    }
}
