import ARMTestSupport
import Foundation
import Identity
import Testing

@testable import Emulator

/// `/_emulator/faults` end to end: rules change answers, never stored state, and `reset` clears them.
@Suite struct FaultInjectionLiveTests {
    let groups = "/subscriptions/\(WellKnown.subscriptionId)/resourceGroups"

    @Test func throttlingRuleAnswers429OnceThenTheRequestSucceeds() async throws {
        let live = try LiveEmulator()
        let token = try await live.operatorToken()
        let added = try await live.client.send(
            "POST", "/_emulator/faults", jsonObject: ["method": "PUT", "path": "\(groups)/*", "status": 429, "count": 1, "retryAfter": 2])
        #expect(added.status == 201)
        let ruleID = try #require(added.jsonObject?["id"] as? String)

        let path = "\(groups)/throttled?api-version=2024-11-01"
        let throttled = try await live.client.send("PUT", path, jsonObject: ["location": "eastus"], token: token)
        #expect(throttled.status == 429)
        #expect(throttled.code == "SubscriptionRequestsThrottled")
        #expect(throttled.header("Retry-After") == "2")
        #expect(throttled.header("x-ms-ratelimit-remaining-subscription-writes") == "0")
        // Nothing was stored by the throttled request
        #expect(try await live.client.send("GET", path, token: token).status == 404)
        // The rule was spent: the retry goes through, and the rule list is empty again
        #expect(try await live.client.send("PUT", path, jsonObject: ["location": "eastus"], token: token).status == 201)
        let rules = try await live.client.send("GET", "/_emulator/faults")
        #expect((rules.jsonObject?["value"] as? [Any])?.isEmpty == true)
        #expect(try await live.client.send("DELETE", "/_emulator/faults/\(ruleID)").status == 404)
    }

    @Test func failOperationRuleFailsTheDeleteAndKeepsTheGroup() async throws {
        let live = try LiveEmulator()
        let token = try await live.operatorToken()
        let path = "\(groups)/survivor?api-version=2024-11-01"
        #expect(try await live.client.send("PUT", path, jsonObject: ["location": "eastus"], token: token).status == 201)
        let added = try await live.client.send(
            "POST", "/_emulator/faults",
            jsonObject: [
                "method": "DELETE", "path": "\(groups)/survivor", "failOperation": true, "code": "ResourceGroupDeletionBlocked",
                "message": "Blocked by a test.",
            ])
        #expect(added.status == 201)

        let deleted = try await live.client.send("DELETE", path, token: token)
        #expect(deleted.status == 202)
        let location = try #require(deleted.header("Location"))
        let poll = try await live.client.send("GET", url: location, token: token)
        #expect(poll.status == 400)
        #expect(poll.code == "ResourceGroupDeletionBlocked")
        // The group is still there, untouched
        let group = try await live.client.send("GET", path, token: token)
        #expect(group.status == 200)
        #expect((group.jsonObject?["properties"] as? [String: Any])?["provisioningState"] as? String == "Succeeded")
    }

    @Test func invalidRulesAreRefusedAndResetClearsRules() async throws {
        let live = try LiveEmulator()
        let bad = try await live.client.send("POST", "/_emulator/faults", jsonObject: ["path": "/x", "status": 700])
        #expect(bad.status == 400)
        #expect(bad.code == "InvalidFaultRule")
        #expect(try await live.client.send("POST", "/_emulator/faults", jsonObject: ["path": "*", "status": 503]).status == 201)
        #expect(try await live.client.send("GET", "/_emulator/health").status == 200)  // the operator API is never faulted
        #expect(try await live.client.send("POST", "/_emulator/reset").status == 204)
        let rules = try await live.client.send("GET", "/_emulator/faults")
        #expect((rules.jsonObject?["value"] as? [Any])?.isEmpty == true)
    }
}
