import ARMCore
import JSON
import Synchronization
import Testing

@testable import Authorization

@Suite struct AccessEvaluatorTests {
    static let sub = "/subscriptions/00000000-0000-4000-8000-000000000001"
    static let rg = sub + "/resourceGroups/rg1"
    static let hub = rg + "/providers/Microsoft.MachineLearningServices/workspaces/hub"
    static let principal = "11111111-1111-4111-8111-111111111111"

    let store = ResourceStore()
    var evaluator: AccessEvaluator { AccessEvaluator(store: store) }

    /// Writes an assignment straight into the store, as another provider would (STORAGE CONTRACT).
    @discardableResult
    func assign(_ roleGUID: String, at scope: String, principal: String = principal, condition: String? = nil) throws -> ResourceID {
        let scopeID = scope == "/" ? ResourceID.tenantRoot : ResourceID(scope)!
        let id = scopeID.appending(namespace: "Microsoft.Authorization", type: "roleAssignments", name: newGUID())
        var properties = JSONObject([
            ("roleDefinitionId", .string("/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/" + roleGUID)),
            ("principalId", .string(principal)), ("principalType", "ServicePrincipal"), ("scope", .string(scopeID.description)),
        ])
        if let condition {
            properties["condition"] = .string(condition)
            properties["conditionVersion"] = "2.0"
        }
        try store.put(id, body: JSONObject([("id", .string(id.description)), ("properties", .object(properties))]))
        return id
    }

    func allowed(_ action: String, at scope: String, data: Bool = false, attributes: [String: [String]] = [:]) -> Bool {
        evaluator.decide(principalId: Self.principal, action: action, isDataAction: data, scope: ResourceID(scope)!, attributes: attributes)
            .allowed
    }

    /// One evaluator keeps its parsed assignments between requests; a new or deleted assignment
    /// must still count at once.
    @Test func cachedAssignmentsFollowEveryChange() throws {
        let evaluator = AccessEvaluator(store: store)
        let read = "Microsoft.MachineLearningServices/workspaces/read"
        #expect(!evaluator.decide(principalId: Self.principal, action: read, scope: ResourceID(Self.hub)!).allowed)
        let id = try assign("acdd72a7-3385-48ef-bd42-f606fba81ae7", at: Self.rg)  // Reader
        #expect(evaluator.decide(principalId: Self.principal, action: read, scope: ResourceID(Self.hub)!).allowed)
        _ = try store.delete(id)
        #expect(!evaluator.decide(principalId: Self.principal, action: read, scope: ResourceID(Self.hub)!).allowed)
    }

    /// Resolved grants are cached per principal: a changed custom role, a changed group
    /// membership and a reset store must each count at the next decision.
    @Test func cachedGrantsFollowRolesMembershipsAndResets() throws {
        let group = "22222222-2222-4222-8222-222222222222"
        let memberships = Mutex<[String]>([])
        let evaluator = AccessEvaluator(store: store, groupMemberships: { _ in memberships.withLock { $0 } })
        let read = "Microsoft.MachineLearningServices/workspaces/read"
        let write = "Microsoft.MachineLearningServices/workspaces/write"
        func decide(_ action: String) -> Bool {
            evaluator.decide(principalId: Self.principal, action: action, scope: ResourceID(Self.hub)!).allowed
        }
        let roleGUID = "99999999-9999-4999-8999-999999999999"
        let roleID = ResourceID(Self.sub + "/providers/Microsoft.Authorization/roleDefinitions/" + roleGUID)!
        func defineRole(_ actions: [String]) throws {
            try store.put(
                roleID,
                body: JSONObject([
                    ("id", .string(roleID.description)),
                    (
                        "properties",
                        .object(
                            JSONObject([
                                ("roleName", "Custom"), ("type", "CustomRole"),
                                ("permissions", .array([.object(JSONObject([("actions", .array(actions.map(JSONValue.string)))]))])),
                            ]))
                    ),
                ]))
        }
        try defineRole([read])
        try assign(roleGUID, at: Self.rg)
        #expect(decide(read))
        #expect(!decide(write))
        try defineRole([read, write])  // the custom role gains an action
        #expect(decide(write))
        _ = try store.delete(roleID)  // an assignment of a deleted role grants nothing
        #expect(!decide(read))
        try assign("acdd72a7-3385-48ef-bd42-f606fba81ae7", at: Self.rg, principal: group)  // Reader to the group
        #expect(!decide(read))
        memberships.withLock { $0 = [group] }  // the principal joins the group
        #expect(decide(read))
        memberships.withLock { $0 = [] }
        #expect(!decide(read))
        memberships.withLock { $0 = [group] }
        #expect(decide(read))
        store.reset()
        #expect(!decide(read))
    }

    /// A role assigned to a group grants its members, through nested groups too, and nobody else.
    @Test func groupAssignmentsGrantMembersTransitively() throws {
        let inner = "22222222-2222-4222-8222-222222222222"
        let outer = "33333333-3333-4333-8333-333333333333"
        let memberships: [String: [String]] = [Self.principal: [inner, outer], inner: [outer]]
        let evaluator = AccessEvaluator(store: store, groupMemberships: { memberships[$0] ?? [] })
        let read = "Microsoft.MachineLearningServices/workspaces/read"
        #expect(!evaluator.decide(principalId: Self.principal, action: read, scope: ResourceID(Self.hub)!).allowed)
        try assign("acdd72a7-3385-48ef-bd42-f606fba81ae7", at: Self.rg, principal: outer)  // Reader to the outer group
        let decision = evaluator.decide(principalId: Self.principal, action: read, scope: ResourceID(Self.hub)!)
        #expect(decision.allowed)
        #expect(decision.assignment?.principalId == outer)
        #expect(!evaluator.decide(principalId: "44444444-4444-4444-8444-444444444444", action: read, scope: ResourceID(Self.hub)!).allowed)
        // Data actions flow the same way (the data plane asks this evaluator).
        try assign("5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", at: Self.rg, principal: inner)  // Cognitive Services OpenAI User
        let chat = "Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action"
        #expect(evaluator.decide(principalId: Self.principal, action: chat, isDataAction: true, scope: ResourceID(Self.hub)!).allowed)
    }

    @Test func ancestorsGrantAndSiblingsDoNot() throws {
        try assign("acdd72a7-3385-48ef-bd42-f606fba81ae7", at: Self.rg)  // Reader
        #expect(allowed("Microsoft.MachineLearningServices/workspaces/read", at: Self.hub))
        #expect(allowed("Microsoft.MachineLearningServices/workspaces/connections/read", at: Self.hub + "/connections/c1"))
        #expect(!allowed("Microsoft.MachineLearningServices/workspaces/write", at: Self.hub))
        #expect(!allowed("Microsoft.Resources/subscriptions/resourceGroups/read", at: Self.sub + "/resourceGroups/rg2"))
        #expect(!allowed("Microsoft.Resources/subscriptions/read", at: Self.sub))
        // An assignment at a longer name is not an ancestor: rg1 does not cover rg10.
        #expect(!allowed("Microsoft.Resources/subscriptions/resourceGroups/read", at: Self.sub + "/resourceGroups/rg10"))
    }

    @Test func notActionsSubtractPerRoleButAnotherRoleAddsBack() throws {
        try assign("64702f94-c441-49e6-a78b-ef80e0188fee", at: Self.hub)  // Azure AI Developer
        #expect(allowed("Microsoft.MachineLearningServices/workspaces/connections/write", at: Self.hub + "/connections/c"))
        #expect(allowed("Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action", at: Self.hub + "/connections/c"))
        #expect(!allowed("Microsoft.MachineLearningServices/workspaces/write", at: Self.hub))
        #expect(!allowed("Microsoft.MachineLearningServices/workspaces/listKeys/action", at: Self.hub))
        #expect(allowed("Microsoft.CognitiveServices/accounts/OpenAI/deployments/chat/completions/action", at: Self.hub, data: true))
        // Contributor adds workspaces/write back (NotActions is not a deny rule).
        try assign("b24988ac-6180-42a0-ab88-20f7382dd24c", at: Self.rg)
        #expect(allowed("Microsoft.MachineLearningServices/workspaces/write", at: Self.hub))
        #expect(!allowed("Microsoft.Authorization/roleAssignments/write", at: Self.hub))
    }

    @Test func controlPlaneNeverGrantsDataActions() throws {
        try assign("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", at: Self.sub)  // Owner
        #expect(allowed("Microsoft.Authorization/roleAssignments/write", at: Self.hub))
        #expect(!allowed("Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read", at: Self.rg, data: true))
    }

    @Test func conditionsDecideAndUnparseableStoredConditionsNeverGrant() throws {
        let account = Self.rg + "/providers/Microsoft.Storage/storageAccounts/sa"
        try assign(
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", at: account,
            condition: "@Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringStartsWith 'p1'")
        let read = "Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"
        let key = ConditionContext.key("resource", "Microsoft.Storage/storageAccounts/blobServices/containers:name")
        let own = account + "/blobServices/default/containers/p1-azureml"
        #expect(allowed(read, at: own, data: true, attributes: [key: ["p1-azureml"]]))
        let sibling = evaluator.decide(
            principalId: Self.principal, action: read, isDataAction: true,
            scope: ResourceID(account + "/blobServices/default/containers/p2")!,
            attributes: [key: ["p2-azureml"]])
        #expect(!sibling.allowed)
        #expect(sibling.deniedByCondition)

        let other = "22222222-2222-4222-8222-222222222222"
        try assign("acdd72a7-3385-48ef-bd42-f606fba81ae7", at: Self.sub, principal: other, condition: "this is (not a condition")
        #expect(
            !evaluator.decide(principalId: other, action: "Microsoft.Resources/subscriptions/read", scope: ResourceID(Self.sub)!).allowed)
    }

    @Test func decidingAssignmentIsTheClosest() throws {
        try assign("acdd72a7-3385-48ef-bd42-f606fba81ae7", at: Self.sub)
        let close = try assign("acdd72a7-3385-48ef-bd42-f606fba81ae7", at: Self.rg)
        let decision = evaluator.decide(principalId: Self.principal, action: "Microsoft.X/y/read", scope: ResourceID(Self.hub)!)
        #expect(decision.assignment?.id == close)
        #expect(decision.role?.roleName == "Reader")
    }

    @Test func assignmentsGoWithTheirResource() throws {
        try assign("acdd72a7-3385-48ef-bd42-f606fba81ae7", at: Self.hub)
        try assign("acdd72a7-3385-48ef-bd42-f606fba81ae7", at: Self.hub + "2")  // workspaces/hub2: not below hub
        #expect(evaluator.allAssignments().count == 2)
        store.removeAll(under: ResourceID(Self.hub)!)
        #expect(evaluator.allAssignments().count == 1)
        #expect(evaluator.allAssignments().first?.scope == ResourceID(Self.hub + "2"))
    }
}
