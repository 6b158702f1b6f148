import Testing

@testable import ARMCore

/// `{scope}` routes (Microsoft.Authorization at any scope).
@Suite struct RouterScopeTests {
    static func route(_ method: String, _ pattern: String, _ id: String) -> Route {
        Route(method, pattern, operationID: id, action: nil) { _, _ in .noContent }
    }

    let router = Router(routes: [
        route("GET", "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}", "ResourceGroups_Get"),
        route("GET", "/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}", "Providers_Get"),
        route("GET", "/providers/{resourceProviderNamespace}", "Providers_GetAtTenantScope"),
        route("GET", "/{scope}/providers/Microsoft.Authorization/roleAssignments", "RoleAssignments_ListForScope"),
        route("PUT", "/{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}", "RoleAssignments_Create"),
        route("GET", "/{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}", "RoleAssignments_Get"),
    ])

    func matched(_ method: String, _ path: String) -> RouteMatch? {
        if case .matched(let match) = router.lookup(method: method, segments: path.split(separator: "/").map(String.init)) {
            return match
        }
        return nil
    }

    @Test(arguments: [
        ("/subscriptions/s1", "/subscriptions/s1"),
        ("/subscriptions/s1/resourceGroups/RG", "/subscriptions/s1/resourceGroups/RG"),
        (
            "/subscriptions/s1/resourcegroups/rg/providers/Microsoft.MachineLearningServices/workspaces/hub/connections/c1",
            "/subscriptions/s1/resourcegroups/rg/providers/Microsoft.MachineLearningServices/workspaces/hub/connections/c1"
        ),
        ("", "/"),
    ])
    func scopeSpansAnyNumberOfSegments(scope: String, expected: String) throws {
        let match = try #require(matched("PUT", scope + "/PROVIDERS/microsoft.authorization/roleassignments/a-guid"))
        #expect(match.route.operationID == "RoleAssignments_Create")
        #expect(match.parameters["scope"] == expected)
        #expect(match.parameters["roleAssignmentName"] == "a-guid")
    }

    @Test func ordinaryRoutesStillWinAndUnknownPathsStillMiss() throws {
        #expect(matched("GET", "/subscriptions/s1/resourceGroups/rg")?.route.operationID == "ResourceGroups_Get")
        #expect(matched("GET", "/subscriptions/s1/providers/Microsoft.Authorization")?.route.operationID == "Providers_Get")
        #expect(matched("GET", "/providers/Microsoft.Authorization")?.route.operationID == "Providers_GetAtTenantScope")
        let list = try #require(matched("GET", "/subscriptions/s1/providers/Microsoft.Authorization/roleAssignments"))
        #expect(list.route.operationID == "RoleAssignments_ListForScope")
        #expect(list.parameters["scope"] == "/subscriptions/s1")
        #expect(matched("GET", "/subscriptions/s1/providers/Microsoft.Authorization/roleDefinitions") == nil)
        #expect(matched("GET", "/subscriptions/s1/resourceGroups/rg/somethingElse") == nil)
    }

    @Test func otherMethodsOnAScopeRouteAre405() {
        guard
            case .methodNotAllowed(let allowed) = router.lookup(
                method: "DELETE", segments: ["subscriptions", "s1", "providers", "Microsoft.Authorization", "roleAssignments"])
        else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed.contains("GET"))
    }

    @Test func readActionsAndLongestPrefix() {
        #expect(ResourceID("/subscriptions/s/resourceGroups/rg")!.readAction == "Microsoft.Resources/subscriptions/resourceGroups/read")
        #expect(ResourceID("/subscriptions/s")!.readAction == "Microsoft.Resources/subscriptions/read")
        #expect(
            ResourceID("/subscriptions/s/resourceGroups/rg/providers/Microsoft.X/accounts/a/deployments/d")!.readAction
                == "Microsoft.X/accounts/deployments/read")
        #expect(ResourceID.longestPrefix(of: ["subscriptions", "s", "resourcegroups"]).description == "/subscriptions/s")
        #expect(
            ResourceID.longestPrefix(of: [
                "subscriptions", "s", "resourceGroups", "rg", "providers", "Microsoft.X", "accounts", "a", "listKeys",
            ])
            .description == "/subscriptions/s/resourceGroups/rg/providers/Microsoft.X/accounts/a")
        #expect(ResourceID.longestPrefix(of: ["tenants"]) == .tenantRoot)
    }
}
