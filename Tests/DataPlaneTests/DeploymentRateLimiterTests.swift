import Synchronization
import Testing

@testable import DataPlane

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let seconds = Mutex(1000.0)
    var now: Double { seconds.withLock { $0 } }
    func advance(_ by: Double) { seconds.withLock { $0 += by } }
}

@Suite struct DeploymentRateLimiterTests {
    let clock = ManualClock()
    var limiter: DeploymentRateLimiter { DeploymentRateLimiter(now: { [clock] in clock.now }) }
    let capacityOne = DeploymentRateLimits(requests: 1, requestPeriod: 10, tokens: 1000, tokenPeriod: 60)

    @Test func givenCapacityOne_whenASecondCallComesWithinTenSeconds_thenItIsRefusedUntilTheWindowCloses() {
        let limiter = self.limiter
        guard case .success(let remaining) = limiter.admit("d", limits: capacityOne, tokens: 100) else {
            Issue.record("the first call must pass")
            return
        }
        #expect(remaining.requests == 0)
        #expect(remaining.tokens == 900)
        clock.advance(4)
        guard case .failure(let refusal) = limiter.admit("d", limits: capacityOne, tokens: 100) else {
            Issue.record("the second call within 10 s must be refused")
            return
        }
        #expect(refusal.kind == .requests)
        #expect(abs(refusal.retryAfterSeconds - 6) < 0.001)
        clock.advance(6)
        guard case .success = limiter.admit("d", limits: capacityOne, tokens: 100) else {
            Issue.record("a new request window admits again")
            return
        }
    }

    @Test func givenTheTokenWindowIsSpent_whenACallWouldExceedIt_thenItIsRefusedForTheRestOfTheMinute() {
        let limiter = self.limiter
        let limits = DeploymentRateLimits(requests: 100, requestPeriod: 10, tokens: 1000, tokenPeriod: 60)
        #expect((try? limiter.admit("d", limits: limits, tokens: 900).get()) != nil)
        clock.advance(30)
        guard case .failure(let refusal) = limiter.admit("d", limits: limits, tokens: 200) else {
            Issue.record("900 + 200 > 1000 must be refused")
            return
        }
        #expect(refusal.kind == .tokens)
        #expect(abs(refusal.retryAfterSeconds - 30) < 0.001)
        // A smaller call still fits.
        #expect((try? limiter.admit("d", limits: limits, tokens: 100).get())?.tokens == 0)
    }

    @Test func givenTwoDeployments_whenOneIsExhausted_thenTheOtherIsNotAffected() {
        let limiter = self.limiter
        _ = limiter.admit("a", limits: capacityOne, tokens: 1)
        #expect((try? limiter.admit("a", limits: capacityOne, tokens: 1).get()) == nil)
        #expect((try? limiter.admit("b", limits: capacityOne, tokens: 1).get()) != nil)
    }

    @Test func givenNoLimits_whenManyCallsCome_thenAllPassWithoutRemainingCounts() {
        let limiter = self.limiter
        let none = DeploymentRateLimits(requests: nil, tokens: nil)
        for _ in 0..<100 {
            let remaining = try? limiter.admit("d", limits: none, tokens: 10_000).get()
            #expect(remaining != nil && remaining?.requests == nil && remaining?.tokens == nil)
        }
    }

    @Test func givenAReset_whenTheDeploymentCallsAgain_thenItsWindowsStartEmpty() {
        let limiter = self.limiter
        _ = limiter.admit("d", limits: capacityOne, tokens: 1)
        limiter.reset()
        #expect((try? limiter.admit("d", limits: capacityOne, tokens: 1).get()) != nil)
    }
}
