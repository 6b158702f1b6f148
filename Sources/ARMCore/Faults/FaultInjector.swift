import Synchronization

/// The fault rules in force and the global latency (`--latency MS[:JITTER]`). Shared by the
/// fault-injection middleware and the operator API; `reset` clears the rules.
package final class FaultInjector: Sendable {
    /// Upper bound on rules, so a runaway test cannot grow the list without end.
    package static let maxRules = 1000

    package let latencyMilliseconds: Int
    package let jitterMilliseconds: Int
    private let rules = Mutex<[FaultRule]>([])

    package init(latencyMilliseconds: Int = 0, jitterMilliseconds: Int = 0) {
        self.latencyMilliseconds = max(0, latencyMilliseconds)
        self.jitterMilliseconds = max(0, jitterMilliseconds)
    }

    package func add(_ rule: FaultRule) throws {
        try rules.withLock { rules in
            guard rules.count < Self.maxRules else { throw ARMError.tooManyFaultRules(limit: Self.maxRules) }
            rules.append(rule)
        }
    }

    package var all: [FaultRule] { rules.withLock { $0 } }

    /// Removes one rule; false when there was none with that id.
    @discardableResult
    package func remove(id: String) -> Bool {
        rules.withLock { rules in
            let before = rules.count
            rules.removeAll { $0.id.lowercased() == id.lowercased() }
            return rules.count != before
        }
    }

    package func removeAll() { rules.withLock { $0.removeAll() } }

    /// The first rule that matches and wins its probability roll, with its count taken (a rule
    /// with a count is spent atomically, so N parallel requests never take more than N).
    package func take(method: String, path: String, roll: () -> Double = { Double.random(in: 0..<1) }) -> FaultRule? {
        rules.withLock { rules in
            for index in rules.indices where rules[index].matches(method: method, path: path) {
                guard rules[index].probability >= 1 || roll() < rules[index].probability else { continue }
                let rule = rules[index]
                if let remaining = rule.remaining {
                    if remaining <= 1 { rules.remove(at: index) } else { rules[index].remaining = remaining - 1 }
                }
                return rule
            }
            return nil
        }
    }

    /// No global latency and no rule: no request is touched.
    package var isIdle: Bool {
        latencyMilliseconds <= 0 && jitterMilliseconds <= 0 && rules.withLock { $0.isEmpty }
    }

    /// The global latency for one request: the base plus a uniform jitter.
    package func globalDelayMilliseconds() -> Int {
        guard latencyMilliseconds > 0 || jitterMilliseconds > 0 else { return 0 }
        return latencyMilliseconds + (jitterMilliseconds > 0 ? Int.random(in: 0...jitterMilliseconds) : 0)
    }
}
