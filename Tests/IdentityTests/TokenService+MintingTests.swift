import Foundation
import Testing

@testable import Identity

@Suite struct TokenServiceMintingTests {
    private let clock = TestClock()
    private var tokens: TokenService { TokenService(directory: Directory(), signingKey: .wellKnown, now: clock.closure) }

    @Test func refreshTokenIsMarkedAndLong() throws {
        let user = try #require(Directory().user(objectId: WellKnown.userObjectId))
        let token = tokens.mintRefreshToken(
            for: user, clientID: WellKnown.azureCLIClientId, scopes: try RequestedScopes(scope: "https://x/.default openid"), issuedAt: 1000
        )
        let claims = try JWT.decodeUnverified(token).claims
        #expect(claims.use == "refresh")
        #expect(claims.exp == 1000 + 90 * 24 * 3600)
        #expect(claims.azp == WellKnown.azureCLIClientId)
        #expect(claims.scope == "https://x/.default openid")
        #expect(claims.idtyp == nil)
    }

    @Test func verifyOwnTokenChecksItsUse() throws {
        let user = try #require(Directory().user(objectId: WellKnown.userObjectId))
        let service = tokens
        let seconds = service.currentSeconds()
        let deviceCode = service.mintDeviceCode(for: user, clientID: "c", scope: "s", issuedAt: seconds)
        #expect(
            try service.verifyOwnToken(deviceCode, use: "device_code", skew: 0, invalid: .invalidGrant) { _ in .deviceCodeExpired }.oid
                == WellKnown.userObjectId)
        #expect(throws: EntraError.malformedRefreshToken) {
            try service.verifyOwnToken(deviceCode, use: "refresh", skew: 0, invalid: .malformedRefreshToken) { _ in .deviceCodeExpired }
        }
    }

    @Test func tokenIdsAndUserCodesAreFresh() {
        #expect(TokenService.newTokenID() != TokenService.newTokenID())
        #expect(TokenService.newTokenID().count == 22)
        let code = TokenService.newUserCode()
        #expect(code.count == 9 && code.allSatisfy { $0.isUppercase || $0.isNumber })
    }
}
