import Foundation
import Testing

@testable import Identity

@Suite struct JWTTests {
    @Test func signedTokenHasThreeSegmentsAndTheKeyHeader() throws {
        // Given claims
        var claims = JWTClaims()
        claims.aud = "https://management.azure.com"
        claims.uniqueName = "a@b.c"
        // When signed
        let token = JWT(claims: claims).signed(with: .wellKnown)
        // Then the header names RS256 and the key, and the claims read back
        #expect(token.split(separator: ".").count == 3)
        let decoded = try JWT.decodeUnverified(token)
        #expect(decoded.header.alg == "RS256")
        #expect(decoded.header.typ == "JWT")
        #expect(decoded.header.kid == SigningKey.wellKnown.keyId)
        #expect(decoded.header.x5t == SigningKey.wellKnown.keyId)
        #expect(decoded.claims == claims)
        // And claim names are Entra's
        let payload = String(decoding: Base64URL.decode(token.split(separator: ".")[1]) ?? [], as: UTF8.self)
        #expect(payload.contains("\"unique_name\":\"a@b.c\""))
        #expect(payload.contains("\"aud\":\"https://management.azure.com\""))
    }

    @Test func malformedTokensAreRefused() {
        #expect(throws: JWTError.self) { try JWT.decodeUnverified("abc") }
        #expect(throws: JWTError.self) { try JWT.decodeUnverified("a.b.c") }
        #expect(throws: JWTError.self) { try JWT.decodeUnverified(Base64URL.encode("[]") + "." + Base64URL.encode("{}") + ".") }
    }

    @Test func audienceArrayAndFractionalDatesAreRead() throws {
        let token = Base64URL.encode(#"{"alg":"RS256"}"#) + "." + Base64URL.encode(#"{"aud":["x","y"],"exp":12.5}"#) + "."
        let claims = try JWT.decodeUnverified(token).claims
        #expect(claims.aud == "x")
        #expect(claims.exp == 12)
    }
}
