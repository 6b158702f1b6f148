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
                return try Pager(request: request).list(store, under: request.resourceID, types: [Self.commitmentPlanType])
            },
            Route("GET", plan, operationID: "CommitmentPlans_GetPlan", action: planAction + "read") { request, _ in
                return .ok(.object(try store.require(request.resourceID).body))
            },
            Route("PUT", plan, operationID: "CommitmentPlans_CreateOrUpdatePlan", action: planAction + "write") { request, parameters in
                let input = try request.jsonBody()
                return try putCommitmentPlan(
                    request, id: request.resourceID, type: Self.commitmentPlanType, kind: input["kind"]?.stringValue, tracked: true)
            },
            Route("PATCH", plan, operationID: "CommitmentPlans_UpdatePlan", action: planAction + "write") { request, parameters in
                let input = try request.jsonBody()
                let tags = try input.value(forKeyIgnoringCase: "tags").map { try TagRules.validate($0) }
                let updated = try store.update(request.resourceID, precondition: request.precondition) { body in
                    if let tags { body["tags"] = .object(tags) }
                    if let sku = input["sku"], sku != .null { body["sku"] = sku }
                }
                return .ok(.object(updated.body))
            },
            Route("DELETE", plan, operationID: "CommitmentPlans_DeletePlan", action: planAction + "delete") { request, _ in
                let id = request.resourceID
                guard let existing = store.get(id) else { return .noContent }
                try request.precondition?.check(existing)
                _ = store.removeAll(under: id)
                return ARMResponse(status: 200)
            },
            Route("GET", associations, operationID: "CommitmentPlans_ListAssociations", action: planAction + "accountAssociations/read") {
                request, _ in
                let plan = try store.require(request.resourceID)
                return try Pager(request: request).list(store, under: plan.id, types: [Self.commitmentPlanAssociationType])
            },
            Route("GET", association, operationID: "CommitmentPlans_GetAssociation", action: planAction + "accountAssociations/read") {
                request, parameters in
                let plan = try store.require(request.resourceID.enclosing("commitmentPlans"))
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
                let plan = try store.require(request.resourceID.enclosing("commitmentPlans"))
                return try deleteCommitmentResource(
                    plan.id.child(type: "accountAssociations", name: parameters.required("commitmentPlanAssociationName")),
                    request: request)
            },
        ]
    }

    func deleteCommitmentResource(_ id: ResourceID, request: ARMRequest) throws -> ARMResponse {
        guard let existing = store.get(id) else { return .noContent }
        try request.precondition?.check(existing)
        try store.delete(id)
        return ARMResponse(status: 200)
    }

    /// Validates the plan (`CommitmentPlan`) and stores it: 201 created, 200 replaced.
    func putCommitmentPlan(_ request: ARMRequest, id: ResourceID, type: String, kind: String?, tracked: Bool) throws -> ARMResponse {
        try CommitmentPlan.checkName(id.name)
        let input = try request.jsonBody()
        let plan = try CommitmentPlan(
            id: id, type: type, kind: kind, tracked: tracked, input: input, existing: store.get(id), caller: request.caller, date: now())
        let write = try store.put(id, body: plan.body, precondition: request.precondition)
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }

    /// `{properties: {accountId}}`: the account must exist.
    func putAssociation(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let plan = try store.require(request.resourceID.enclosing("commitmentPlans"))
        let id = plan.id.child(type: "accountAssociations", name: parameters.required("commitmentPlanAssociationName"))
        let input = try request.jsonBody()
        let association = try CommitmentPlanAccountAssociation(
            id: id, input: input, existing: store.get(id),
            isAccount: { store.get($0)?.body["type"]?.stringValue == Self.accountType }, caller: request.caller, date: now())
        let write = try store.put(id, body: association.body, precondition: request.precondition)
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }
}
