import JSON
import Testing

@testable import ARMCore

@Suite struct FaultRuleTests {
    @Test(arguments: [
        ("/subscriptions/*/resourceGroups/*", "/subscriptions/abc/resourcegroups/rg1", true),
        ("/subscriptions/*/resourceGroups/*", "/subscriptions/abc/resourceGroups/rg1/providers/x/y/z", true),
        ("/subscriptions/*/resourceGroups/rg1", "/subscriptions/abc/resourceGroups/rg2", false),
        ("*/deployments/*", "/subscriptions/s/resourceGroups/r/providers/Microsoft.CognitiveServices/accounts/a/deployments/d", true),
        ("/tenants", "/tenants", true),
        ("/tenants", "/tenants/x", false),
        ("*", "/anything/at/all", true),
        ("/a*b*c", "/aXXbYYc", true),
        ("/a*b*c", "/aXXbYY", false),
    ])
    func globIsCaseInsensitiveAndStarSpansSlashes(pattern: String, path: String, expected: Bool) {
        #expect(FaultRule(id: "r", path: pattern, status: 500).matches(method: "GET", path: path) == expected)
    }

    @Test func methodRestrictsTheMatch() {
        let rule = FaultRule(id: "r", method: "put", path: "*", status: 500)
        #expect(rule.matches(method: "PUT", path: "/x"))
        #expect(!rule.matches(method: "GET", path: "/x"))
    }

    /// A pattern of many stars against a long non-matching path must not go exponential.
    @Test func manyStarsStayCheap() {
        let pattern = "/" + String(repeating: "*a", count: 40) + "b"
        let path = "/" + String(repeating: "a", count: 5000)
        #expect(!FaultRule.glob(Array(pattern.utf8), matches: Array(path.utf8)))
    }

    @Test func parsesEveryField() throws {
        let body = try JSONParser.parse(
            #"{"method":"get","path":"/subscriptions/*","status":429,"probability":0.5,"count":3,"delayMs":20,"retryAfter":7}"#)
        let rule = try FaultRule(json: try #require(body.objectValue), id: "id1")
        #expect(
            rule
                == FaultRule(
                    id: "id1", method: "GET", path: "/subscriptions/*", status: 429, probability: 0.5, remaining: 3,
                    delayMilliseconds: 20, retryAfterSeconds: 7))
        #expect(rule.json["count"] == .int(3))
        #expect(rule.json["retryAfter"] == .int(7))
    }

    @Test(arguments: [
        #"{"status":500}"#,  // no path
        #"{"path":"relative","status":500}"#,
        #"{"path":"/x"}"#,  // nothing to do
        #"{"path":"/x","status":200}"#,
        #"{"path":"/x","status":500,"probability":1.5}"#,
        #"{"path":"/x","status":500,"count":0}"#,
        #"{"path":"/x","status":500,"method":"BREW"}"#,
        #"{"path":"/x","status":500,"stauts":500}"#,  // typo
        #"{"path":"/x","failOperation":"yes"}"#,
        #"{"path":"/x","delayMs":-1}"#,
    ])
    func refusesInvalidRules(json: String) throws {
        let body = try #require(try JSONParser.parse(json).objectValue)
        #expect(throws: ARMError.self) { try FaultRule(json: body, id: "x") }
        do {
            _ = try FaultRule(json: body, id: "x")
        } catch let error as ARMError {
            #expect(error.status == 400)
            #expect(error.code == "InvalidFaultRule")
        }
    }

    @Test func throttlingAnswerHasARMsShape() throws {
        let request = Fixture.request("GET", "/subscriptions/\(Fixture.subscription)/resourcegroups?api-version=2024-11-01")
        let error = try #require(FaultRule(id: "r", path: "*", status: 429, retryAfterSeconds: 4).error(for: request))
        #expect(error.status == 429)
        #expect(error.code == "SubscriptionRequestsThrottled")
        #expect(error.message.hasPrefix("Number of 'read' requests for subscription '\(Fixture.subscription)'"))
        #expect(error.headers["Retry-After"] == "4")
        #expect(error.headers["x-ms-ratelimit-remaining-subscription-reads"] == "0")
        let unavailable = try #require(FaultRule(id: "r", path: "*", status: 503).error(for: request))
        #expect(unavailable.code == "ServiceUnavailable")
        #expect(unavailable.headers["Retry-After"] == "1")
        let custom = try #require(FaultRule(id: "r", path: "*", status: 400, code: "InvalidTemplate", message: "m").error(for: request))
        #expect(custom.code == "InvalidTemplate")
        #expect(custom.message == "m")
    }
}
