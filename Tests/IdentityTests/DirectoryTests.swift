import Foundation
import Testing

@testable import Identity

@Suite struct DirectoryTests {
    @Test func lookupsIgnoreCase() {
        // Given the well-known directory
        let directory = Directory()
        // When ids, domains and UPNs are looked up in upper case
        // Then they are found
        #expect(directory.tenant(id: WellKnown.tenantId.uppercased()) != nil)
        #expect(directory.tenant(idOrDomain: "FoundryEmulator.OnMicrosoft.com")?.tenantId == WellKnown.tenantId)
        #expect(directory.subscription(id: WellKnown.subscriptionId.uppercased()) != nil)
        #expect(directory.servicePrincipal(appId: WellKnown.operatorClientId.uppercased()) != nil)
        #expect(directory.user(userPrincipalName: "DEVELOPER@FoundryEmulator.onmicrosoft.com")?.objectId == WellKnown.userObjectId)
        #expect(directory.managedIdentity(resourceId: WellKnown.managedIdentityResourceId.uppercased()) != nil)
        #expect(
            directory.principal(objectId: WellKnown.userObjectId.uppercased()).map { if case .user = $0 { true } else { false } } == true)
    }

    /// Entra's shape (three of `[A-Za-z0-9_~.]`, a digit, `Q~`, 34 of `[A-Za-z0-9_~.-]`): never a
    /// leading `-`, which `az login -p` would read as an option.
    @Test func clientSecretsHaveEntrasShape() {
        let head = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.")
        let tail = head.union(["-"])
        let secrets = (0..<500).map { _ in Directory.newClientSecret() }
        for secret in secrets {
            let characters = Array(secret)
            #expect(characters.count == 40, "\(secret)")
            #expect(characters[0..<3].allSatisfy(head.contains), "\(secret)")
            #expect(characters[3].isASCII && characters[3].isNumber, "\(secret)")
            #expect(String(characters[4..<6]) == "Q~", "\(secret)")
            #expect(characters[6...].allSatisfy(tail.contains), "\(secret)")
        }
        #expect(Set(secrets).count == secrets.count)
    }

    @Test func unknownThingsAreNil() {
        let directory = Directory()
        #expect(directory.tenant(id: "00000000-0000-0000-0000-000000000000") == nil)
        #expect(directory.servicePrincipal(appId: "nope") == nil)
        #expect(directory.user(userPrincipalName: "nobody@foundryemulator.onmicrosoft.com") == nil)
        #expect(directory.principal(objectId: "00000000-0000-0000-0000-000000000000") == nil)
    }

    @Test func createdServicePrincipalHasFreshIdsAndASecret() throws {
        // Given a directory
        let directory = Directory()
        // When a principal is created
        let principal = directory.createServicePrincipal(displayName: "app1")
        // Then it has GUIDs, a 40-character secret, and can be found
        #expect(UUID(uuidString: principal.objectId) != nil)
        #expect(UUID(uuidString: principal.appId) != nil)
        #expect(principal.secrets.first?.count == 40)
        #expect(principal.tenantId == WellKnown.tenantId)
        #expect(directory.servicePrincipal(appId: principal.appId) == principal)
    }

    @Test func createUserRefusesATakenUPN() {
        let directory = Directory()
        #expect(throws: DirectoryError.self) {
            try directory.createUser(upn: WellKnown.userPrincipalName.uppercased(), password: "x", displayName: "dup")
        }
        #expect(throws: DirectoryError.self) {
            try directory.createUser(upn: "no-at-sign", password: "x", displayName: "bad")
        }
    }

    @Test func createsAndRemovesPrincipalsOfEveryKind() throws {
        // Given principals of each kind
        let directory = Directory()
        let user = try directory.createUser(upn: "bob@foundryemulator.onmicrosoft.com", password: "pw", displayName: "Bob")
        let identity = directory.createManagedIdentity(displayName: "ws1", resourceId: "/subscriptions/x/ws1")
        let app = directory.createServicePrincipal(displayName: "app")
        // When they are removed by object id
        let removedUser = directory.remove(objectId: user.objectId)
        let removedIdentity = directory.remove(objectId: identity.objectId.uppercased())
        let removedApp = directory.remove(objectId: app.objectId)
        // Then each comes back once and is gone
        #expect(removedUser == .user(user))
        #expect(removedIdentity == .managedIdentity(identity))
        #expect(removedApp == .servicePrincipal(app))
        #expect(directory.remove(objectId: user.objectId) == nil)
        #expect(directory.user(objectId: user.objectId) == nil)
    }

    @Test func addRefusesUnknownTenantsAndDuplicateIds() {
        let directory = Directory()
        #expect(throws: DirectoryError.self) {
            try directory.add(Subscription(subscriptionId: newGUIDForTest(), tenantId: newGUIDForTest(), displayName: "orphan"))
        }
        #expect(throws: DirectoryError.self) {
            try directory.add(
                ServicePrincipal(
                    objectId: WellKnown.userObjectId, appId: newGUIDForTest(), displayName: "clash", secrets: [],
                    tenantId: WellKnown.tenantId))
        }
        #expect(throws: DirectoryError.self) {
            try directory.createServicePrincipal(displayName: "elsewhere", tenantId: newGUIDForTest())
        }
    }

    @Test func addsTenantsAndSubscriptions() throws {
        let directory = Directory()
        let tenantId = newGUIDForTest()
        try directory.add(Tenant(tenantId: tenantId, displayName: "Fabrikam", defaultDomain: "fabrikam.onmicrosoft.com"))
        try directory.add(Subscription(subscriptionId: newGUIDForTest(), tenantId: tenantId, displayName: "S"))
        #expect(directory.subscriptions(inTenant: tenantId).count == 1)
        #expect(throws: DirectoryError.self) { try directory.removeTenant(id: tenantId) }
        #expect(throws: DirectoryError.self) { try directory.removeTenant(id: WellKnown.tenantId) }
    }

    @Test func resetReturnsToTheSeededWorld() throws {
        // Given a directory that was changed
        let directory = Directory()
        let created = directory.createServicePrincipal(displayName: "temporary")
        directory.remove(objectId: WellKnown.userObjectId)
        // When it is reset
        directory.reset()
        // Then the change is gone and the well-known objects are back
        #expect(directory.servicePrincipal(appId: created.appId) == nil)
        #expect(directory.user(objectId: WellKnown.userObjectId) != nil)
        #expect(directory.snapshot() == .wellKnown)
    }

    @Test func addsASecret() throws {
        let directory = Directory()
        let secret = try directory.addClientSecret(appId: WellKnown.operatorClientId)
        #expect(directory.servicePrincipal(appId: WellKnown.operatorClientId)?.secrets.contains(secret) == true)
        #expect(throws: DirectoryError.self) { try directory.addClientSecret(appId: "unknown") }
    }

    @Test func concurrentCreationLosesNothing() async {
        let directory = Directory()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<100 {
                group.addTask { _ = directory.createManagedIdentity(displayName: "mi\(index)", resourceId: nil) }
            }
        }
        #expect(directory.managedIdentities.count == 101)
    }
}

func newGUIDForTest() -> String { UUID().uuidString.lowercased() }
