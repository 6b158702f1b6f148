import Synchronization

/// Azure's quota enforcement per deployment (learn.microsoft.com/azure/ai-foundry/openai/how-to/quota):
/// each call is charged an estimate (prompt + `max_tokens`) against a token count that resets each
/// minute, and counted against a request count over a short window (10 s for Standard SKUs).
/// Fixed windows that open with the first call after the previous one closed; over either limit the
/// call is refused with the seconds until that window closes.
package final class DeploymentRateLimiter: Sendable {
    struct Window {
        var opened: Double
        var used: Int
    }

    struct Windows {
        var requests = Window(opened: -.infinity, used: 0)
        var tokens = Window(opened: -.infinity, used: 0)
    }

    /// What a refusal says: which limit, and when to retry.
    package struct Refusal: Error, Sendable {
        package var kind: RateLimitKind
        package var retryAfterSeconds: Double
    }

    /// What is left after an admitted call (the `x-ratelimit-remaining-*` headers).
    package struct Remaining: Sendable {
        package var requests: Int?
        package var tokens: Int?
    }

    private let windows = Mutex<[String: Windows]>([:])
    /// Seconds on a monotonic clock.
    let now: @Sendable () -> Double

    package init(now: @escaping @Sendable () -> Double = DeploymentRateLimiter.monotonicSeconds) {
        self.now = now
    }

    static let origin = ContinuousClock.now

    package static func monotonicSeconds() -> Double {
        let elapsed = ContinuousClock.now - origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Charges one call of `tokens` estimated tokens to the deployment `key`, or refuses it.
    package func admit(_ key: String, limits: DeploymentRateLimits, tokens: Int) -> Result<Remaining, Refusal> {
        let time = now()
        return windows.withLock { all in
            var state = all[key] ?? Windows()
            if time - state.requests.opened >= limits.requestPeriod { state.requests = Window(opened: time, used: 0) }
            if time - state.tokens.opened >= limits.tokenPeriod { state.tokens = Window(opened: time, used: 0) }
            if let limit = limits.requests, state.requests.used + 1 > limit {
                all[key] = state
                return .failure(Refusal(kind: .requests, retryAfterSeconds: state.requests.opened + limits.requestPeriod - time))
            }
            if let limit = limits.tokens, state.tokens.used + tokens > limit {
                all[key] = state
                return .failure(Refusal(kind: .tokens, retryAfterSeconds: state.tokens.opened + limits.tokenPeriod - time))
            }
            state.requests.used += 1
            state.tokens.used += tokens
            all[key] = state
            return .success(
                Remaining(
                    requests: limits.requests.map { max(0, $0 - state.requests.used) },
                    tokens: limits.tokens.map { max(0, $0 - state.tokens.used) }))
        }
    }

    /// Forgets every window (operator reset).
    package func reset() {
        windows.withLock { $0.removeAll() }
    }
}
