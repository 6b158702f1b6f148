import Testing

@testable import ARMCore

@Suite struct RouteResourceIDTests {
    let sub = Fixture.subscription
    let group = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"

    func route(_ pattern: String) -> Route {
        Route("GET", pattern, operationID: "Test_Get", action: nil) { _, _ in .ok([:]) }
    }

    func segments(_ path: String) -> [String] { path.split(separator: "/").map(String.init) }

    @Test func aResourceIsItselfInTheRoutesCasing() {
        let id = route(group + "/providers/Microsoft.CognitiveServices/accounts/{accountName}")
            .resourceID(matching: segments("/subscriptions/\(sub)/resourcegroups/rg1/providers/microsoft.cognitiveservices/ACCOUNTS/Acct"))
        #expect(id.description == "/subscriptions/\(sub)/resourceGroups/rg1/providers/Microsoft.CognitiveServices/accounts/Acct")
        #expect(id.resourceGroupID == .resourceGroup(subscriptionID: sub, name: "rg1"))
    }

    @Test func aCollectionIsItsParent() {
        let accounts = route(group + "/providers/Microsoft.CognitiveServices/accounts")
            .resourceID(matching: segments("/subscriptions/\(sub)/resourceGroups/rg1/providers/Microsoft.CognitiveServices/accounts"))
        #expect(accounts == .resourceGroup(subscriptionID: sub, name: "rg1"))
        let groups = route("/subscriptions/{subscriptionId}/resourceGroups").resourceID(matching: ["subscriptions", sub, "resourceGroups"])
        #expect(groups == .subscription(sub))
    }

    @Test func aScopeKeepsItsSegments() {
        let pattern = route("/{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}")
        let atGroup = pattern.resourceID(
            matching: segments("/subscriptions/\(sub)/resourceGroups/rg1/providers/microsoft.authorization/roleassignments/ra1"))
        #expect(atGroup.description == "/subscriptions/\(sub)/resourceGroups/rg1/providers/Microsoft.Authorization/roleAssignments/ra1")
        #expect(atGroup.resourceGroupID == .resourceGroup(subscriptionID: sub, name: "rg1"))
        let atRoot = pattern.resourceID(matching: segments("/providers/Microsoft.Authorization/roleAssignments/ra1"))
        #expect(atRoot.description == "/providers/Microsoft.Authorization/roleAssignments/ra1")
    }

    @Test func aDeclaredTargetNamesTheResourceALegacyPathSpellsAnotherWay() {
        let item = group + "/providers/Microsoft.Resources/deployments/{deploymentName}"
        let legacy = route(group + "/deployments/{deploymentName}/operations").targeting(item)
        let path = segments("/subscriptions/\(sub)/resourcegroups/rg1/deployments/Dep1/operations")
        #expect(legacy.resourceID(matching: path).description == "/subscriptions/\(sub)/resourceGroups/rg1")
        let parameters = RouteParameters(["subscriptionId": sub, "resourceGroupName": "rg1", "deploymentName": "Dep1"])
        #expect(
            legacy.resourceID(matching: path, parameters: parameters).description
                == "/subscriptions/\(sub)/resourceGroups/rg1/providers/Microsoft.Resources/deployments/Dep1")
    }

    @Test func theEnclosingResourceOfAChild() throws {
        let account = "/subscriptions/\(sub)/resourceGroups/rg1/providers/Microsoft.CognitiveServices/accounts/a1"
        let deployment = try #require(ResourceID(account + "/deployments/d1"))
        #expect(deployment.enclosing("Accounts").description == account)
        #expect(deployment.enclosing("deployments") == deployment)
    }

    @Test func pathsThatAreNoIdFallBackToTheTenantRoot() {
        #expect(route("/metadata/endpoints").resourceID(matching: ["metadata", "endpoints"]) == .tenantRoot)
    }
}
