import ARMCore
import Foundation
import Testing

@testable import Identity

@Suite struct TokenValidatorTests {
    @Test func callerKinds() throws {
        // Given tokens for each kind of principal
        let directory = Directory()
        let service = makeService(directory: directory)
        let app = try #require(directory.servicePrincipal(objectId: WellKnown.operatorObjectId))
        let user = try #require(directory.user(objectId: WellKnown.userObjectId))
        let identity = try #require(directory.managedIdentity(objectId: WellKnown.managedIdentityObjectId))
        // When validated
        let appCaller = try service.validator.validate(bearer: service.issueToken(for: .servicePrincipal(app), audience: "a"))
        let userCaller = try service.validator.validate(bearer: service.issueToken(for: .user(user), audience: "a"))
        let identityCaller = try service.validator.validate(bearer: service.issueToken(for: .managedIdentity(identity), audience: "a"))
        // Then each is the right Caller
        #expect(
            appCaller
                == Caller(
                    objectId: WellKnown.operatorObjectId, tenantId: WellKnown.tenantId, appId: WellKnown.operatorClientId,
                    principalType: .servicePrincipal, displayName: WellKnown.operatorDisplayName, audience: "a"))
        #expect(userCaller.principalType == .user)
        #expect(userCaller.userPrincipalName == WellKnown.userPrincipalName)
        #expect(userCaller.appId == WellKnown.azureCLIClientId)
        #expect(userCaller.displayName == WellKnown.userDisplayName)
        #expect(identityCaller.principalType == .managedIdentity)
        #expect(identityCaller.appId == WellKnown.managedIdentityClientId)
    }

    @Test func cachedTokenStillExpires() throws {
        // Given a validated (and so cached) token
        let clock = TestClock()
        let service = makeService(clock: clock)
        let token = service.issueOperatorToken(audience: "a").token
        _ = try service.validator.validate(bearer: token)
        #expect(service.validator.cache.count == 1)
        // When its hour and the skew are over
        clock.advance(by: 3600 + 301)
        // Then it is expired even though it was cached
        #expect {
            try service.validator.validate(bearer: token)
        } throws: { error in
            if case JWTError.expired = error { return true }
            return false
        }
    }

    @Test func cacheHitIsTheSameCaller() throws {
        let service = makeService()
        let token = service.issueOperatorToken(audience: "a").token
        let first = try service.validator.validate(bearer: token)
        let second = try service.validator.validate(bearer: token)
        #expect(first == second)
    }

    @Test func nonAccessTokensAreRefused() async throws {
        // Given a refresh token and an id_token from a sign-in
        let service = makeService()
        let body = jsonObject(
            await service.handle(
                formPost(
                    "/organizations/oauth2/v2.0/token",
                    [
                        ("client_id", WellKnown.azureCLIClientId), ("grant_type", "password"), ("username", WellKnown.userPrincipalName),
                        ("password", WellKnown.userPassword), ("scope", "https://management.azure.com/.default offline_access openid"),
                    ])))
        // Then neither is accepted as a bearer token
        for name in ["refresh_token", "id_token"] {
            let token = try #require(body[name] as? String)
            #expect(throws: JWTError.notAnAccessToken, "\(name)") { try service.validator.validate(bearer: token) }
        }
    }

    @Test func tenantRemovedAfterCachingIsRefused() throws {
        // Given a token of a second tenant, validated once
        let directory = try Directory(seedPath: Fixture.seedExamplePath)
        let service = makeService(directory: directory)
        let principal = try #require(directory.servicePrincipal(appId: "72f988bf-0000-4000-8000-0000000000a1"))
        let token = service.issueToken(for: .servicePrincipal(principal), audience: "a")
        _ = try service.validator.validate(bearer: token)
        // When the tenant disappears
        try directory.restore(.wellKnown)
        // Then the cached token is refused
        #expect(throws: JWTError.self) { try service.validator.validate(bearer: token) }
    }

    @Test func additionalKeysAreAccepted() throws {
        let foreign = IdentityService(directory: Directory(), signingKey: otherSigningKey).issueOperatorToken(audience: "a").token
        let strict = TokenValidator(directory: Directory(), signingKey: .wellKnown)
        let lenient = TokenValidator(directory: Directory(), signingKey: .wellKnown, additionalKeys: [otherSigningKey])
        #expect(throws: JWTError.self) { try strict.validate(bearer: foreign) }
        #expect(try lenient.validate(bearer: foreign).objectId == WellKnown.operatorObjectId)
    }
}
