import ARMCore
import Authorization
import Testing

@testable import ControlPlaneProxy

/// The proxy's first-party principal may do account deployment and model operations (and the
/// account keys the endpoint listKeys route needs) and nothing else, whatever is in the store.
struct HubProxyRoleTests {
    let proxy = "fe000000-0000-4000-8000-000000000008"
    let evaluator: AccessEvaluator
    let account = ResourceID("/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.CognitiveServices/accounts/acct1")!

    init() {
        evaluator = AccessEvaluator(store: ResourceStore(), firstPartyRoles: [proxy: HubProxyRole.definition])
    }

    func allowed(_ action: String, _ scope: ResourceID) -> Bool {
        evaluator.decide(principalId: proxy, action: action, scope: scope).allowed
    }

    @Test func grantsDeploymentAndModelOperationsOnAnyAccount() {
        let deployment = account.child(type: "deployments", name: "gpt4o")
        #expect(allowed("Microsoft.CognitiveServices/accounts/deployments/read", deployment))
        #expect(allowed("Microsoft.CognitiveServices/accounts/deployments/write", deployment))
        #expect(allowed("Microsoft.CognitiveServices/accounts/deployments/delete", deployment))
        #expect(allowed("Microsoft.CognitiveServices/accounts/models/read", account))
        #expect(allowed("Microsoft.CognitiveServices/accounts/listKeys/action", account))
    }

    @Test(arguments: [
        "Microsoft.CognitiveServices/accounts/read", "Microsoft.CognitiveServices/accounts/write",
        "Microsoft.CognitiveServices/accounts/delete", "Microsoft.CognitiveServices/accounts/regenerateKey/action",
        "Microsoft.CognitiveServices/accounts/projects/write", "Microsoft.CognitiveServices/accounts/raiPolicies/write",
        "Microsoft.Resources/subscriptions/resourceGroups/read", "Microsoft.Resources/subscriptions/resourceGroups/write",
        "Microsoft.Authorization/roleAssignments/write", "Microsoft.Authorization/roleAssignments/read",
        "Microsoft.MachineLearningServices/workspaces/read", "Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action",
        "Microsoft.Storage/storageAccounts/write",
    ])
    func grantsNothingElse(action: String) {
        #expect(!allowed(action, account))
    }

    @Test func isNotAnAssignmentAndNotGrantedToOthers() {
        #expect(evaluator.allAssignments().isEmpty)
        #expect(
            !evaluator.decide(
                principalId: "00000000-0000-0000-0000-00000000abcd",
                action: "Microsoft.CognitiveServices/accounts/deployments/write", scope: account
            ).allowed)
        #expect(evaluator.permissions(for: proxy, at: account).flatMap(\.actions).count == 5)
    }
}
