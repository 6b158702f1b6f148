import ARMCore
import EmulatorHTTP
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

    /// `claims(of:caller:)` answers the last header's claims when the same header comes again, and
    /// never those of another token in between.
    @Test func claimsOfRequestsFollowTheirOwnHeader() {
        func request(_ authorization: String?) -> ARMRequest {
            let headers = authorization.map { [(name: "Authorization", value: $0)] } ?? []
            return ARMRequest(http: HTTPRequest(method: "PUT", target: "/subscriptions/s/resourceGroups/rg", headers: HTTPHeaders(headers)))
        }
        let caller = Caller(objectId: "caller-oid", tenantId: "caller-tid", principalType: .user)
        let objectID = "http://schemas.microsoft.com/identity/claims/objectidentifier"
        let first = "Bearer " + Self.token(#"{"oid":"first"}"#)
        let second = "bearer " + Self.token(#"{"oid":"second"}"#)
        for header in [first, first, second, first, second, second] {
            let expected = header == first ? "first" : "second"
            #expect(RecordedOperation.claims(of: request(header), caller: caller)[objectID] == .string(expected))
        }
        // Without a token (an internal request), or with one that is not a JWT: the caller's own
        #expect(RecordedOperation.claims(of: request(nil), caller: caller)[objectID] == "caller-oid")
        #expect(RecordedOperation.claims(of: request("Bearer not-a-jwt"), caller: caller)[objectID] == "caller-oid")
        #expect(RecordedOperation.claims(of: request(first), caller: caller)[objectID] == "first")
    }
}
