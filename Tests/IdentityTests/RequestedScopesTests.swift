import Testing

@testable import Identity

@Suite struct RequestedScopesTests {
    @Test func defaultScopeGivesTheResource() throws {
        let scopes = try RequestedScopes(scope: "https://management.azure.com/.default")
        #expect(scopes.audience == "https://management.azure.com")
        #expect(scopes.isDefaultScope)
    }

    @Test func doubleSlashKeepsTheTrailingSlash() throws {
        // az: "https://localhost:8443/" + "/.default"
        let scopes = try RequestedScopes(scope: "https://localhost:8443//.default")
        #expect(scopes.audience == "https://localhost:8443/")
        #expect(scopes.responseScope == "https://localhost:8443//.default")
    }

    @Test func openIDScopesDoNotChangeTheAudience() throws {
        let scopes = try RequestedScopes(scope: "https://management.core.windows.net//.default offline_access openid profile")
        #expect(scopes.audience == "https://management.core.windows.net/")
        #expect(scopes.wantsIDToken && scopes.wantsRefreshToken)
        #expect(scopes.delegatedPermissions == "user_impersonation")
        #expect(scopes.responseScope == "https://management.core.windows.net//.default")
    }

    @Test func onlyOpenIDScopesGiveGraph() throws {
        let scopes = try RequestedScopes(scope: "openid profile")
        #expect(scopes.resource == nil)
        #expect(scopes.audience == WellKnown.graphAudience)
    }

    @Test func namedPermissionsAndAppIdURIs() throws {
        #expect(try RequestedScopes(scope: "https://management.azure.com/user_impersonation").delegatedPermissions == "user_impersonation")
        #expect(try RequestedScopes(scope: "api://my-app/.default").audience == "api://my-app")
        #expect(try RequestedScopes(scope: "User.Read").audience == WellKnown.graphAudience)
        #expect(try !RequestedScopes(scope: "https://management.azure.com").isDefaultScope)
    }

    @Test func twoResourcesAreRefused() {
        #expect(throws: EntraError.self) { try RequestedScopes(scope: "https://a.example/.default https://b.example/.default") }
    }

    @Test func serializedScopesParseBackToTheSameAudience() throws {
        let v1 = RequestedScopes(resource: "https://management.core.windows.net/", scope: "openid")
        #expect(try RequestedScopes(scope: v1.serialized).audience == "https://management.core.windows.net/")
        #expect(try RequestedScopes(scope: v1.serialized).wantsIDToken)
    }
}
