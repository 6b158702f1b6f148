import Foundation
import Testing

@testable import Identity

@Suite struct JWTVerificationTests {
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    private func token(
        exp: Int = 1_750_003_600, nbf: Int? = 1_750_000_000, tid: String = WellKnown.tenantId, key: SigningKey = .wellKnown
    ) -> String {
        var claims = JWTClaims()
        claims.tid = tid
        claims.oid = WellKnown.operatorObjectId
        claims.exp = exp
        claims.nbf = nbf
        return JWT(claims: claims).signed(with: key)
    }

    private func verify(_ token: String, at date: Date? = nil) throws(JWTError) -> JWT {
        try JWT.verify(token, keys: [.wellKnown], isKnownTenant: { $0 == WellKnown.tenantId }, now: date ?? now)
    }

    @Test func validTokenVerifies() throws {
        #expect(try verify(token()).claims.oid == WellKnown.operatorObjectId)
    }

    @Test func tamperedPayloadFails() {
        // Given a token whose payload was swapped for another one
        let parts = token().split(separator: ".").map(String.init)
        let forged =
            parts[0] + "." + Base64URL.encode(#"{"tid":"\#(WellKnown.tenantId)","oid":"attacker","exp":1750003600}"#) + "." + parts[2]
        // Then the signature no longer holds
        #expect(throws: JWTError.badSignature) { try verify(forged) }
    }

    @Test func tamperedSignatureFails() {
        var parts = token().split(separator: ".").map(String.init)
        var signature = Base64URL.decode(parts[2])!
        signature[10] ^= 0x01
        parts[2] = Base64URL.encode(signature)
        #expect(throws: JWTError.badSignature) { try verify(parts.joined(separator: ".")) }
    }

    @Test func otherKeyIsUnknown() {
        #expect(throws: JWTError.unknownKey(otherSigningKey.keyId)) { try verify(token(key: otherSigningKey)) }
    }

    @Test func otherKeyClaimingOurKidFailsTheSignature() {
        // Given a token signed by another key but carrying our kid
        let foreign = token(key: otherSigningKey)
        let parts = foreign.split(separator: ".").map(String.init)
        let header = Base64URL.encode(#"{"typ":"JWT","alg":"RS256","kid":"\#(SigningKey.wellKnown.keyId)"}"#)
        #expect(throws: JWTError.badSignature) { try verify(header + "." + parts[1] + "." + parts[2]) }
    }

    @Test func algNoneIsRefused() {
        let parts = token().split(separator: ".").map(String.init)
        let header = Base64URL.encode(#"{"alg":"none","kid":"\#(SigningKey.wellKnown.keyId)"}"#)
        #expect(throws: JWTError.unsupportedAlgorithm("none")) { try verify(header + "." + parts[1] + ".") }
    }

    @Test func expiredTokenFailsAfterTheSkew() throws {
        // Given a token that expired 4 minutes ago: still inside the 5-minute skew
        _ = try verify(token(exp: 1_750_000_000 - 240))
        // When it expired 6 minutes ago
        // Then it is expired, with both times
        let exp = 1_750_000_000 - 360
        #expect(throws: JWTError.expired(expiry: Date(timeIntervalSince1970: TimeInterval(exp)), now: now)) {
            try verify(token(exp: exp))
        }
    }

    @Test func notYetValidTokenFails() throws {
        _ = try verify(token(nbf: 1_750_000_000 + 240))
        #expect(throws: JWTError.self) { try verify(token(nbf: 1_750_000_000 + 600)) }
    }

    @Test func unknownTenantFails() {
        #expect(throws: JWTError.unknownTenant("11111111-1111-4111-8111-111111111111")) {
            try verify(token(tid: "11111111-1111-4111-8111-111111111111"))
        }
    }

    @Test func tokenWithoutExpiryFails() {
        var claims = JWTClaims()
        claims.tid = WellKnown.tenantId
        let token = JWT(claims: claims).signed(with: .wellKnown)
        #expect(throws: JWTError.self) { try verify(token) }
    }
}
