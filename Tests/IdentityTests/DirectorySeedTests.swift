import ARMCore
import Foundation
import Testing

@testable import Identity

@Suite struct DirectorySeedTests {
    private func seedError(_ json: String) -> String? {
        do {
            _ = try Directory(seed: DirectorySeed(json: Data(json.utf8)))
            return nil
        } catch {
            return error.message
        }
    }

    @Test func documentedExampleLoads() throws {
        // Given the documented example seed file
        // When it is loaded
        let directory = try Directory(seedPath: Fixture.seedExamplePath)
        // Then its objects sit beside the well-known ones
        #expect(directory.tenant(idOrDomain: "contoso.onmicrosoft.com")?.tenantId == "72f988bf-0000-4000-8000-000000000001")
        #expect(directory.subscription(id: "72f988bf-0000-4000-8000-000000000002")?.displayName == "Contoso Production")
        #expect(directory.servicePrincipal(appId: "72f988bf-0000-4000-8000-0000000000a1")?.secrets == ["ci-pipeline-secret"])
        #expect(directory.user(userPrincipalName: "alice@contoso.onmicrosoft.com")?.tenantId == "72f988bf-0000-4000-8000-000000000001")
        #expect(directory.managedIdentity(clientId: "72f988bf-0000-4000-8000-0000000000c1")?.displayName == "batch-runner")
        #expect(directory.user(objectId: WellKnown.userObjectId) != nil)
        // And the subscription without ids got one, in the well-known tenant
        let sandbox = directory.subscriptions.first { $0.displayName.hasPrefix("Sandbox") }
        #expect(sandbox?.tenantId == WellKnown.tenantId)
        #expect(UUID(uuidString: sandbox?.subscriptionId ?? "") != nil)
        // And role assignments are kept raw
        #expect(directory.seedRoleAssignments.count == 1)
        if case .object(let object) = directory.seedRoleAssignments.first {
            #expect(object["roleDefinitionName"] == .string("Contributor"))
        } else {
            Issue.record("roleAssignments[0] is not an object")
        }
    }

    @Test func generatedIdsStayStableAcrossReset() throws {
        // Given a seed with generated ids
        let directory = try Directory(seed: DirectorySeed(json: Data(#"{"servicePrincipals":[{"displayName":"gen"}]}"#.utf8)))
        let before = try #require(directory.servicePrincipals.first { $0.displayName == "gen" })
        // When the directory is reset
        directory.reset()
        // Then the same ids and secret come back
        #expect(directory.servicePrincipals.first { $0.displayName == "gen" } == before)
        #expect(before.secrets.first?.isEmpty == false)
    }

    @Test func derivesDomainAndDisplayName() throws {
        let directory = try Directory(
            seed: DirectorySeed(
                json: Data(
                    #"""
                    {"tenants":[{"tenantId":"11111111-1111-4111-8111-111111111111","displayName":"Fabrikam Ltd."}],
                     "users":[{"userPrincipalName":"carol@fabrikamltd.onmicrosoft.com","password":"p","tenantId":"11111111-1111-4111-8111-111111111111"}]}
                    """#.utf8)))
        #expect(directory.tenant(domain: "fabrikamltd.onmicrosoft.com") != nil)
        #expect(directory.user(userPrincipalName: "carol@fabrikamltd.onmicrosoft.com")?.displayName == "carol")
    }

    @Test func missingRequiredFieldIsNamed() {
        let message = seedError(#"{"users":[{"userPrincipalName":"x@foundryemulator.onmicrosoft.com"}]}"#)
        #expect(message?.contains("users[0].password") == true, "\(message ?? "nil")")
        #expect(message?.contains("missing") == true)
    }

    @Test func wrongTypeIsNamed() {
        let message = seedError(#"{"subscriptions":[{"displayName":42}]}"#)
        #expect(message?.contains("subscriptions[0].displayName") == true, "\(message ?? "nil")")
    }

    @Test func unknownFieldIsNamed() {
        let message = seedError(#"{"servicePrincipal":[]}"#)
        #expect(message?.contains("servicePrincipal") == true, "\(message ?? "nil")")
        #expect(message?.contains("unknown field") == true)
        let nested = seedError(#"{"users":[{"userPrincipalName":"a@b.c","password":"p","pasword":"q"}]}"#)
        #expect(nested?.contains("users[0].pasword") == true, "\(nested ?? "nil")")
    }

    @Test func badGUIDIsNamed() {
        let message = seedError(#"{"subscriptions":[{"subscriptionId":"not-a-guid","displayName":"s"}]}"#)
        #expect(message?.contains("subscriptions[0]") == true, "\(message ?? "nil")")
        #expect(message?.contains("subscriptionId 'not-a-guid'") == true)
    }

    @Test func unknownTenantIsNamed() {
        let message = seedError(#"{"managedIdentities":[{"displayName":"m","tenantId":"22222222-2222-4222-8222-222222222222"}]}"#)
        #expect(message?.contains("managedIdentities[0]") == true, "\(message ?? "nil")")
        #expect(message?.contains("tenantId '22222222-2222-4222-8222-222222222222'") == true)
    }

    @Test func clashWithWellKnownIdIsRefused() {
        let message = seedError(#"{"servicePrincipals":[{"displayName":"x","clientId":"fe000000-0000-4000-8000-000000000004"}]}"#)
        #expect(message?.contains("servicePrincipals[0]") == true, "\(message ?? "nil")")
        #expect(message?.contains("already exists") == true)
    }

    @Test func invalidStateIsRefused() {
        let message = seedError(#"{"subscriptions":[{"displayName":"s","state":"Active"}]}"#)
        #expect(message?.contains("Active") == true, "\(message ?? "nil")")
    }

    @Test func notJSONIsRefused() {
        #expect(seedError("{ this is not json")?.hasPrefix("Invalid seed file") == true)
    }

    @Test func unreadableFileIsNamed() {
        do {
            _ = try Directory(seedPath: "/nonexistent/seed.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("/nonexistent/seed.json"))
        }
    }

    @Test func noSeedPathGivesTheWellKnownWorld() throws {
        #expect(try Directory(seedPath: nil).snapshot() == .wellKnown)
    }
}
