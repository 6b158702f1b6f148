import Foundation
import Testing

@testable import Identity

@Suite struct WellKnownTests {
    @Test func theWellKnownWorldIsInAFreshDirectory() {
        // Given a directory with no seed
        let directory = Directory()
        // Then every documented object is there, with its documented ids
        #expect(directory.tenant(id: WellKnown.tenantId)?.defaultDomain == "foundryemulator.onmicrosoft.com")
        #expect(directory.subscription(id: WellKnown.subscriptionId)?.state == "Enabled")
        #expect(directory.subscription(id: WellKnown.subscriptionId)?.displayName == "Foundry Emulator Subscription")
        let operatorPrincipal = directory.servicePrincipal(appId: WellKnown.operatorClientId)
        #expect(operatorPrincipal?.objectId == "fe000000-0000-4000-8000-000000000003")
        #expect(operatorPrincipal?.secrets == ["foundry-emulator-operator-secret"])
        #expect(directory.user(userPrincipalName: "developer@foundryemulator.onmicrosoft.com")?.password == "Foundry-Emulator-1")
        #expect(directory.managedIdentity(clientId: "fe000000-0000-4000-8000-000000000007")?.displayName == "foundry-emulator-host")
    }

    @Test func wellKnownIdsAreGUIDs() {
        let ids = [
            WellKnown.tenantId, WellKnown.subscriptionId, WellKnown.operatorObjectId, WellKnown.operatorClientId,
            WellKnown.userObjectId, WellKnown.managedIdentityObjectId, WellKnown.managedIdentityClientId,
        ]
        #expect(ids.allSatisfy { UUID(uuidString: $0) != nil })
        #expect(Set(ids).count == ids.count)
    }

    @Test func azIsAPublicClient() {
        #expect(WellKnown.publicClientIds.contains("04b07795-8ddb-461a-bbee-02f9e1bf7b46"))
    }
}
