import ARMCore
import Foundation
import Testing

@testable import InsightsProvider

/// The claims the activity log shows for a bearer token, decoded once per token.
@Suite struct RecordedOperationTests {
    static func token(_ payload: String) -> String {
        let encoded = Data(payload.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return "eyJhbGciOiJSUzI1NiJ9." + encoded + ".c2ln"
    }

    @Test func bearerSchemeIsCaseInsensitive() {
        #expect(RecordedOperation.bearerToken("Bearer abc") == "abc")
        #expect(RecordedOperation.bearerToken("BEARER abc") == "abc")
        #expect(RecordedOperation.bearerToken("bearer abc") == "abc")
        #expect(RecordedOperation.bearerToken("Basic abcdef") == nil)
        #expect(RecordedOperation.bearerToken("Bearer ") == nil)
    }

    @Test func claimsUseTheSchemaURIsAndStringifyNestedValues() throws {
        let token = Self.token(#"{"oid":"o1","tid":"t1","appid":"a1","amr":["pwd"],"iat":5}"#)
        let claims = try #require(RecordedOperation.tokenClaims(token))
        #expect(claims["http://schemas.microsoft.com/identity/claims/objectidentifier"] == "o1")
        #expect(claims["http://schemas.microsoft.com/identity/claims/tenantid"] == "t1")
        #expect(claims["appid"] == "a1")
        #expect(claims["http://schemas.microsoft.com/claims/authnmethodsreferences"] == "[\"pwd\"]")
        #expect(claims["iat"] == "5")
        #expect(claims.keys.count == 5)
        // The second call answers the same claims (from the cache), a different token its own.
        #expect(RecordedOperation.tokenClaims(token) == claims)
        let other = try #require(RecordedOperation.tokenClaims(Self.token(#"{"oid":"o2"}"#)))
        #expect(other["http://schemas.microsoft.com/identity/claims/objectidentifier"] == "o2")
        // Back to the first token: its own claims, not the last token's.
        #expect(RecordedOperation.tokenClaims(token) == claims)
        #expect(RecordedOperation.tokenClaims(Self.token(#"{"oid":"o2"}"#)) == other)
        #expect(RecordedOperation.tokenClaims("not-a-jwt") == nil)
    }
}
