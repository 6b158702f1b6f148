import Foundation
import Testing

@testable import Identity

@Suite struct TokenServiceRefreshTokenTests {
    private func signIn(_ service: IdentityService) async throws -> String {
        let body = jsonObject(
            await service.handle(
                formPost(
                    "/organizations/oauth2/v2.0/token",
                    [
                        ("client_id", WellKnown.azureCLIClientId), ("grant_type", "password"), ("username", WellKnown.userPrincipalName),
                        ("password", WellKnown.userPassword),
                        ("scope", "https://management.azure.com/.default offline_access openid profile"),
                    ])))
        return try #require(body["refresh_token"] as? String)
    }

    private func refresh(
        _ service: IdentityService, _ token: String, clientID: String = WellKnown.azureCLIClientId,
        scope: String = "https://localhost:8443//.default offline_access openid profile"
    ) async -> [String: Any] {
        jsonObject(
            await service.handle(
                formPost(
                    "/\(WellKnown.tenantId)/oauth2/v2.0/token",
                    [
                        ("client_id", clientID), ("grant_type", "refresh_token"), ("refresh_token", token), ("scope", scope),
                    ])))
    }

    @Test func refreshGivesANewAudienceAndANewRefreshToken() async throws {
        let service = makeService()
        let token = try await signIn(service)
        let body = await refresh(service, token)
        #expect(claims(body["access_token"] as? String)?.aud == "https://localhost:8443/")
        #expect(body["refresh_token"] is String)
        #expect(body["refresh_token"] as? String != token)
        #expect(body["id_token"] is String)
    }

    @Test func refreshTokenSurvivesARestart() async throws {
        // Given a refresh token from one service
        let token = try await signIn(makeService())
        // When a new service with the same key (a restarted emulator) gets it
        let restarted = makeService()
        let body = await refresh(restarted, token)
        // Then it works
        #expect(claims(body["access_token"] as? String)?.oid == WellKnown.userObjectId)
    }

    @Test func anotherKeyRejectsIt() async throws {
        let token = try await signIn(makeService())
        let other = IdentityService(directory: Directory(), signingKey: otherSigningKey)
        let body = await refresh(other, token)
        #expect(body["error"] as? String == "invalid_grant")
        #expect(body["error_codes"] as? [Int] == [9_002_313])
    }

    @Test func garbageIsMalformed() async {
        #expect(await refresh(makeService(), "garbage")["error_codes"] as? [Int] == [9_002_313])
    }

    @Test func accessTokenIsNotARefreshToken() async throws {
        let service = makeService()
        let accessToken = service.issueToken(for: .user(Directory().user(objectId: WellKnown.userObjectId)!), audience: "x")
        #expect(await refresh(service, accessToken)["error"] as? String == "invalid_grant")
    }

    @Test func anotherClientCannotUseIt() async throws {
        let service = makeService()
        let token = try await signIn(service)
        #expect(await refresh(service, token, clientID: WellKnown.azurePowerShellClientId)["error_codes"] as? [Int] == [70000])
    }

    @Test func expiresAfterNinetyDays() async throws {
        let clock = TestClock()
        let service = makeService(clock: clock)
        let token = try await signIn(service)
        clock.advance(by: 91 * 24 * 3600)
        let body = await refresh(service, token)
        #expect(body["error_codes"] as? [Int] == [700082])
    }

    @Test func removedUserCannotRefresh() async throws {
        let directory = Directory()
        let service = makeService(directory: directory)
        let token = try await signIn(service)
        directory.remove(objectId: WellKnown.userObjectId)
        #expect(await refresh(service, token)["error_codes"] as? [Int] == [50034])
    }
}
