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
        #expect(!ResourceID.tenantRoot.isAncestor(of: .tenantRoot))
        // In any case: ancestry compares the lower-cased keys
        #expect(ResourceID.resourceGroup(subscriptionID: sub, name: "RG").isAncestor(of: account))
        #expect(ResourceID.subscription(sub.uppercased()).isAncestor(of: account))
        // A longer name with the same beginning is a sibling, not a child
        #expect(!ResourceID.resourceGroup(subscriptionID: sub, name: "r").isAncestor(of: account))
    }

    @Test func ancestryOfNonASCIINames() {
        // Given a group named with non-ASCII letters, spelt in another case by its child
        let group = ResourceID.resourceGroup(subscriptionID: sub, name: "Grüße")
        let child = ResourceID.resourceGroup(subscriptionID: sub, name: "GRÜSSE-no").appending(
            namespace: "Microsoft.Storage", type: "storageAccounts", name: "s")
        let inside = ResourceID.resourceGroup(subscriptionID: sub, name: "grüße").appending(
            namespace: "Microsoft.Storage", type: "storageAccounts", name: "s")
        // Then ancestry holds by segment, whatever the case
        #expect(group.isAncestor(of: inside))
        #expect(!group.isAncestor(of: child))
        #expect(!inside.isAncestor(of: group))
    }

    @Test func aResourceGroupIsItsOwnGroup() {
        #expect(group.resourceGroupID == group)
        #expect(group.resourceGroupID?.description == group.description)
        #expect(account.resourceGroupID == group)
        #expect(account.resourceGroupID?.level == .resourceGroup)
        #expect(ResourceID.subscription(sub).resourceGroupID == nil)
    }

    @Test func extensionOnAResourceHasThatResourceAsParent() {
        let assignment = account.appending(namespace: "Microsoft.Authorization", type: "roleAssignments", name: "x")
        #expect(assignment.parent == account)
        #expect(assignment.isExtensionResource)
    }
}
