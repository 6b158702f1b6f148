import ARMCore
import Foundation
import JSON
import Synchronization

/// Runs of Assistants-style agents, progressing in the background as on Azure: one task per run
/// moves it from `queued` to `in_progress`, asks the deployment's model (the same `ModelService`
/// as every inference call: built-in responder, scripted rules or forwarding backend), and ends in
/// `completed` with the assistant's message, `requires_action` with the function calls the model
/// asked for, or `failed` with `last_error`. Every write checks the run's status first, so a
/// cancel, a thread's deletion or a reset always wins over the task (docs/agents.md).
package final class AgentRuns: Sendable {
    struct Running {
        var token: UUID
        var task: Task<Void, Never>
    }

    let objects: AgentStore
    let models: ModelService
    /// The deployments' windows, shared with the inference routes; nil with `--dataplane-limits off`.
    let limiter: DeploymentRateLimiter?
    let usage: UsageCounters
    private let running = Mutex<[String: Running]>([:])

    package init(objects: AgentStore, models: ModelService, limiter: DeploymentRateLimiter?, usage: UsageCounters) {
        self.objects = objects
        self.models = models
        self.limiter = limiter
        self.usage = usage
    }

    /// Starts (or continues, after tool outputs) the run in the background; a streamed run's
    /// events go to `sink`, which is finished when the task stops.
    func start(_ run: ResourceID, account: ResourceID, sink: AgentEventSink?) {
        launch(run) { [self] _ in await execute(run, account: account, sink: sink) }
    }

    /// Runs `work` as the run's task, after the task it replaces (handed to `work`, which may
    /// cancel it or wait for it); the task leaves the registry when it ends.
    func launch(_ run: ResourceID, _ work: @escaping @Sendable (Task<Void, Never>?) async -> Void) {
        let token = UUID()
        running.withLock { all in
            let previous = all[run.key]?.task
            all[run.key] = Running(
                token: token,
                task: Task { [self] in
                    await work(previous)
                    running.withLock { all in if all[run.key]?.token == token { all[run.key] = nil } }
                })
        }
    }

    /// Waits for the run's task, if one is working (tests, and whoever must see the run settled).
    package func finished(_ run: ResourceID) async {
        while let task = running.withLock({ $0[run.key]?.task }) {
            await task.value
            // A task that launched a successor (a cancel) leaves that one registered: wait for it too.
            if running.withLock({ $0[run.key]?.task }) == task { break }
        }
    }

    /// Stops the tasks of every run below `parent` (a thread being deleted).
    func stopAll(under parent: ResourceID) {
        let tasks = running.withLock { all in
            let keys = all.keys.filter { $0.hasPrefix(parent.key + "/") }
            return keys.compactMap { all.removeValue(forKey: $0)?.task }
        }
        for task in tasks { task.cancel() }
    }

    /// Operator reset: every task stops (the store is emptied by the world's reset).
    package func reset() {
        let tasks = running.withLock { all in
            defer { all.removeAll() }
            return all.values.map(\.task)
        }
        for task in tasks { task.cancel() }
    }

    /// How many runs are working now (tests, shutdown).
    package var workingCount: Int { running.withLock { $0.count } }

    /// Thrown inside a store update to leave the run as it is.
    struct StatusChanged: Error {}

    /// Changes the run only if its status is one of `from`; nil when it is not (cancelled,
    /// deleted, settled meanwhile).
    @discardableResult
    func transition(_ run: ResourceID, from: Set<String>, _ modify: (inout JSONObject, inout JSONObject) -> Void) -> StoredResource? {
        do {
            return try objects.store.updateResource(run) { stored in
                guard let status = stored.body["status"]?.stringValue, from.contains(status) else { throw StatusChanged() }
                modify(&stored.body, &stored.privateState)
            }
        } catch {
            return nil
        }
    }
}
