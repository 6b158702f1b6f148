import ARMCore
import Foundation
import Testing

@testable import Identity

@Suite struct EntraErrorTests {
    @Test func bodyHasEntrasShape() {
        // Given an Entra error
        let error = EntraError.invalidClientSecret(appId: "app-1")
        // When rendered
        let body = error.body(traceID: "t-1", correlationID: "c-1", now: Date(timeIntervalSince1970: 1_575_009_567))
        guard case .object(let object) = body else {
            Issue.record("not an object")
            return
        }
        // Then it reads like Entra's, with the CRLF-separated trace lines
        #expect(object["error"] == .string("invalid_client"))
        #expect(
            object["error_description"]
                == .string(
                    "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'app-1'.\r\nTrace ID: t-1\r\nCorrelation ID: c-1\r\nTimestamp: 2019-11-29 06:39:27Z"
                ))
        #expect(object["error_codes"] == .array([.int(7_000_215)]))
        #expect(object["timestamp"] == .string("2019-11-29 06:39:27Z"))
        #expect(object["trace_id"] == .string("t-1"))
        #expect(object["correlation_id"] == .string("c-1"))
        #expect(object["error_uri"] == .string("https://login.microsoftonline.com/error?code=7000215"))
        #expect(error.status == 401)
    }

    @Test func catalogUsesEntrasCodesAndStatuses() {
        let cases: [(EntraError, Int, String, Int)] = [
            (.applicationNotFound("a", directory: "d"), 400, "unauthorized_client", 700016),
            (.tenantNotFound("t"), 400, "invalid_request", 90002),
            (.invalidUsernameOrPassword, 400, "invalid_grant", 50126),
            (.unsupportedGrantType("x"), 400, "unsupported_grant_type", 70003),
            (.missingParameter("scope"), 400, "invalid_request", 900144),
            (.authorizationPending, 400, "authorization_pending", 70016),
            (.deviceCodeExpired, 400, "expired_token", 70019),
            (.malformedRefreshToken, 400, "invalid_grant", 9_002_313),
            (.invalidGrant, 400, "invalid_grant", 70000),
            (.missingClientCredential, 401, "invalid_client", 7_000_218),
        ]
        for (error, status, name, code) in cases {
            #expect(error.status == status && error.error == name && error.code == code, "\(error)")
        }
    }
}
