import ARMCore
import JSON
import Synchronization

/// Per-deployment counters of data-plane calls (requests, tokens, throttled), read through the
/// operator API (`GET /_emulator/dataplane/usage`) so tests and the management page can show usage.
package final class UsageCounters: Sendable {
    package struct Counts: Sendable, Equatable {
        package var requests = 0
        package var succeeded = 0
        package var failed = 0
        package var throttled = 0
        package var promptTokens = 0
        package var completionTokens = 0
    }

    private let counts = Mutex<[String: (id: ResourceID, counts: Counts)]>([:])

    package init() {}

    package func record(_ deployment: ResourceID, status: Int, promptTokens: Int, completionTokens: Int) {
        update(deployment) { counts in
            counts.requests += 1
            switch status {
            case ..<400: counts.succeeded += 1
            case 429: counts.throttled += 1
            default: counts.failed += 1
            }
            counts.promptTokens += promptTokens
            counts.completionTokens += completionTokens
        }
    }

    private func update(_ deployment: ResourceID, _ change: (inout Counts) -> Void) {
        counts.withLock { all in
            var entry = all[deployment.key] ?? (deployment, Counts())
            change(&entry.counts)
            all[deployment.key] = entry
        }
    }

    package func counts(for deployment: ResourceID) -> Counts {
        counts.withLock { $0[deployment.key]?.counts ?? Counts() }
    }

    /// `{"value":[{"deploymentId","requests","succeeded","failed","throttled","promptTokens","completionTokens","totalTokens"}]}`.
    package var json: JSONValue {
        let entries = counts.withLock { Array($0.values) }.sorted { $0.id.key < $1.id.key }
        return [
            "value": .array(
                entries.map { entry in
                    let c = entry.counts
                    return [
                        "deploymentId": .string(entry.id.description), "requests": .int(Int64(c.requests)),
                        "succeeded": .int(Int64(c.succeeded)), "failed": .int(Int64(c.failed)), "throttled": .int(Int64(c.throttled)),
                        "promptTokens": .int(Int64(c.promptTokens)), "completionTokens": .int(Int64(c.completionTokens)),
                        "totalTokens": .int(Int64(c.promptTokens + c.completionTokens)),
                    ]
                })
        ]
    }

    package func reset() {
        counts.withLock { $0.removeAll() }
    }
}
