import Testing

@testable import ARMCore

@Suite struct ResourceIDHierarchyTests {
    let sub = Fixture.subscription
    var group: ResourceID { .resourceGroup(subscriptionID: sub, name: "rg") }
    var account: ResourceID { group.appending(namespace: "Microsoft.CognitiveServices", type: "accounts", name: "acct") }

    @Test func typesNamesAndParents() {
        // Given a child resource
        let deployment = account.child(type: "deployments", name: "gpt")
        // Then its type, name and the chain of parents follow the id
        #expect(deployment.fullType == "Microsoft.CognitiveServices/accounts/deployments")
        #expect(deployment.qualifiedName == "Microsoft.CognitiveServices/accounts/acct/deployments/gpt")
        #expect(deployment.name == "gpt")
        #expect(deployment.parent == account)
        #expect(account.parent == group)
        #expect(group.parent == .subscription(sub))
        #expect(ResourceID.subscription(sub).parent == .tenantRoot)
        #expect(ResourceID.tenantRoot.parent == nil)
        #expect(deployment.resourceGroupID == group)
    }

    @Test func armOwnedLevelsReportMicrosoftResources() {
        #expect(group.fullType == "Microsoft.Resources/resourceGroups")
        #expect(group.name == "rg")
        #expect(group.level == .resourceGroup)
        #expect(ResourceID.subscription(sub).fullType == "Microsoft.Resources/subscriptions")
        #expect(ResourceID.tenantRoot.fullType == "")
    }

    @Test func ancestryIsBySegmentNotByTextPrefix() {
        let other = ResourceID.resourceGroup(subscriptionID: sub, name: "rg2")
        #expect(group.isAncestor(of: account))
        #expect(!group.isAncestor(of: other))
        #expect(!group.isAncestor(of: group))
        #expect(ResourceID.tenantRoot.isAncestor(of: group))
    }

    @Test func extensionOnAResourceHasThatResourceAsParent() {
        let assignment = account.appending(namespace: "Microsoft.Authorization", type: "roleAssignments", name: "x")
        #expect(assignment.parent == account)
        #expect(assignment.isExtensionResource)
    }
}
