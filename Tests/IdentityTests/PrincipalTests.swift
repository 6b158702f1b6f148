import Testing

@testable import Identity

@Suite struct PrincipalTests {
    @Test func modelsStoreIdsLowerCase() {
        // Given ids in upper case, as a seed file or an operator may write them
        let tenant = Tenant(tenantId: "AAAAAAAA-0000-4000-8000-000000000001", displayName: "T", defaultDomain: "T.OnMicrosoft.com")
        let app = ServicePrincipal(objectId: "AB", appId: "CD", displayName: "a", secrets: ["S"], tenantId: "EF")
        let identity = ManagedIdentity(objectId: "AB", clientId: "CD", displayName: "m", resourceId: "/Subscriptions/X", tenantId: "EF")
        // Then they are stored lower-case (ARM prints GUIDs lower-case); secrets and resource ids keep their case
        #expect(tenant.tenantId == "aaaaaaaa-0000-4000-8000-000000000001")
        #expect(tenant.defaultDomain == "t.onmicrosoft.com")
        #expect(app.clientId == "cd" && app.objectId == "ab" && app.tenantId == "ef" && app.secrets == ["S"])
        #expect(identity.clientId == "cd" && identity.resourceId == "/Subscriptions/X")
    }

    @Test func principalExposesCommonFacts() {
        let user = User(objectId: "U", userPrincipalName: "A@B.C", password: "p", displayName: "Ann", tenantId: "T")
        let principal = Principal.user(user)
        #expect(principal.objectId == "u")
        #expect(principal.tenantId == "t")
        #expect(principal.displayName == "Ann")
        #expect(user.userPrincipalName == "A@B.C")
    }
}
