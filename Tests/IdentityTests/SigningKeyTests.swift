import Foundation
import Testing

@testable import Identity

@Suite struct SigningKeyTests {
    @Test func wellKnownKeyIsStable() throws {
        // Given the built-in key loaded twice
        let again = try SigningKey(pem: SigningKey.wellKnownPEM)
        // Then it has the same key id (tokens survive restarts), an RFC 7638 thumbprint of 43 characters
        #expect(again.keyId == SigningKey.wellKnown.keyId)
        #expect(SigningKey.wellKnown.keyId.count == 43)
        #expect(SigningKey.wellKnown.exponent == "AQAB")
    }

    @Test func signsAndVerifies() {
        // Given some data and its signature
        let data = Array("header.payload".utf8)
        let signature = SigningKey.wellKnown.sign(data)
        // Then the signature is 256 bytes and verifies, but not for other data or another key
        #expect(signature.count == 256)
        #expect(SigningKey.wellKnown.verify(signature: signature, of: data))
        #expect(!SigningKey.wellKnown.verify(signature: signature, of: Array("header.payloaD".utf8)))
        #expect(!otherSigningKey.verify(signature: signature, of: data))
        #expect(otherSigningKey.keyId != SigningKey.wellKnown.keyId)
    }

    @Test func jwkHasTheMembersEntraPublishes() {
        let jwk = SigningKey.wellKnown.jwk
        #expect(jwk["kty"] == "RSA")
        #expect(jwk["use"] == "sig")
        #expect(jwk["alg"] == "RS256")
        #expect(jwk["kid"] == SigningKey.wellKnown.keyId)
        #expect(jwk["x5t"] == SigningKey.wellKnown.keyId)
        #expect(Base64URL.decode(jwk["n"] ?? "")?.count == 256)
    }

    @Test func refusesWhatIsNotAnRSAPrivateKey() {
        #expect(throws: SigningKeyError.self) { try SigningKey(pem: "not a key") }
        #expect(throws: SigningKeyError.self) { try SigningKey(contentsOfFile: "/nonexistent/key.pem") }
    }

    @Test func readsAKeyFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("identity-key-\(UUID().uuidString).pem").path
        try SigningKey.wellKnownPEM.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try SigningKey(contentsOfFile: path).keyId == SigningKey.wellKnown.keyId)
    }
}
