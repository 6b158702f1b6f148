import EmulatorHTTP
import Foundation
import JSON
import Synchronization

/// Asynchronous operations (RPC async-api-reference; docs/azure-behaviours.md "Asynchronous operations", "How the SDKs poll").
///
/// With a provisioning delay of zero (the default) handlers complete synchronously: `perform`
/// runs the work inline and answers nil, so the handler returns its usual 200/201/204. With a
/// delay, `begin` records the operation as InProgress and runs the work in the background after
/// the delay. It finishes whether or not anyone polls (`az … deployment create` never polls,
/// docs/azure-behaviours.md "What the Azure CLI needs"); a thrown `ARMError` is recorded as Failed with that error. Handlers answer
/// with `headers(for:)`: absolute `Azure-AsyncOperation` and `Location` URLs and `Retry-After: 1`
/// (never 0 or absent: azure-core then waits 30 s per poll, docs/azure-behaviours.md "How the SDKs poll").
package final class LongRunningOperations: Sendable, RouteProvider {
    /// Completed operations kept for polling; the oldest completed ones are dropped beyond this
    /// (the RPC leaves retention open, docs/azure-behaviours.md "Asynchronous operations").
    package static let retainedOperations = 10_000

    struct State {
        var operations: [String: OperationStatus] = [:]
        var tasks: [String: Task<Void, Never>] = [:]
        /// Ids in start order, for retention.
        var order: [String] = []
    }

    package let provisioningDelay: Duration
    let state = Mutex(State())
    let now: @Sendable () -> Date
    /// Told of every started and finished operation under the lock (durability); nil: memory only.
    let observer: (any OperationsObserver)?
    /// Told of every operation that finishes, after the fact and outside the lock (the activity log
    /// records the completion of a 202; ARMCore does not know who listens).
    let completionHandler = Mutex<(@Sendable (OperationStatus) -> Void)?>(nil)

    package init(
        provisioningDelay: Duration = .zero, now: @escaping @Sendable () -> Date = { Date() },
        observer: (any OperationsObserver)? = nil
    ) {
        self.provisioningDelay = provisioningDelay
        self.now = now
        self.observer = observer
    }

    /// True when work completes inline (no delay configured).
    package var isSynchronous: Bool { provisioningDelay <= .zero }

    // MARK: starting operations

    /// Records an InProgress operation and runs `work` in the background after the provisioning
    /// delay (even a zero one). The value `work` returns is the final body `operationResults`
    /// answers with 200; nil answers 204 (200 without a body for ARM's own `Microsoft.Resources`
    /// jobs). `location` is normalised (`East US` -> `eastus`).
    @discardableResult
    package func beginProducing(
        for request: ARMRequest, namespace: String, location: String, kind: OperationKind,
        shape: OperationHandle.Shape = .provider, resourceID: ResourceID? = nil,
        _ work: @escaping @Sendable () async throws -> JSONValue?
    ) -> OperationHandle {
        let region = AzureRegion.normalize(location)
        let subscriptionID = resourceID?.subscriptionID ?? Self.subscriptionID(in: request) ?? ""
        let id: String
        switch shape {
        case .provider: id = newGUID()
        case .subscription: id = Self.jobToken(kind: kind, resourceID: resourceID, location: region)
        }
        let handle = OperationHandle(
            id: id, subscriptionID: subscriptionID, namespace: namespace, location: region, shape: shape,
            baseURL: request.baseURL, apiVersion: request.apiVersion ?? request.query["api-version"] ?? "")
        let record = OperationStatus(
            id: id, subscriptionID: subscriptionID, namespace: namespace, location: region, kind: kind,
            state: .inProgress, startTime: now(), endTime: nil, error: nil, result: nil, resourceID: resourceID)
        state.withLock { state in
            state.operations[id] = record
            state.order.append(id)
            Self.evict(&state)
            observer?.operations(didChange: record)
        }
        let delay = provisioningDelay
        // A `failOperation` fault rule: the operation ends Failed with its error, its work not run.
        let injectedFailure = request.injectedOperationFailure
        // Detached: the work outlives the request and must not depend on the executor or the
        // priority of the connection that started it.
        let task = Task.detached { [self] in
            if delay > .zero { try? await Task.sleep(for: delay) }
            // `reset()` cancels pending work; it must not touch the state afterwards.
            if Task.isCancelled { return }
            do {
                if let injectedFailure { throw injectedFailure }
                let result = try await work()
                finish(id, state: .succeeded, result: result, error: nil)
            } catch let error as ARMError {
                finish(id, state: .failed, result: nil, error: error)
            } catch {
                finish(id, state: .failed, result: nil, error: .internalServerError())
            }
        }
        state.withLock { state in
            if state.operations[id] != nil { state.tasks[id] = task }
        }
        return handle
    }

    /// `beginProducing` for work without a result body (deletes, actions answering 204).
    @discardableResult
    package func begin(
        for request: ARMRequest, namespace: String, location: String, kind: OperationKind,
        shape: OperationHandle.Shape = .provider, resourceID: ResourceID? = nil,
        work: @escaping @Sendable () async throws -> Void
    ) -> OperationHandle {
        beginProducing(for: request, namespace: namespace, location: location, kind: kind, shape: shape, resourceID: resourceID) {
            try await work()
            return nil
        }
    }

    /// The usual handler entry: synchronous mode runs `work` now (its errors propagate) and answers
    /// nil; otherwise `beginProducing` and answer the handle.
    package func perform(
        for request: ARMRequest, namespace: String, location: String, kind: OperationKind,
        shape: OperationHandle.Shape = .provider, resourceID: ResourceID? = nil,
        producing work: @escaping @Sendable () async throws -> JSONValue?
    ) async throws -> OperationHandle? {
        // An injected operation failure needs an operation to fail, even in synchronous mode.
        if isSynchronous, request.injectedOperationFailure == nil {
            _ = try await work()
            return nil
        }
        return beginProducing(
            for: request, namespace: namespace, location: location, kind: kind, shape: shape, resourceID: resourceID, work)
    }

    /// Polling headers for a 201/202: `Azure-AsyncOperation` (provider shape), `Location` and
    /// `Retry-After: 1`.
    package func headers(for handle: OperationHandle) -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let url = handle.asyncOperationURL { headers.add("Azure-AsyncOperation", url) }
        headers.add("Location", handle.locationURL)
        headers.add("Retry-After", "1")
        return headers
    }

    /// Sets the one listener told of every finished operation.
    package func setCompletionHandler(_ handler: @escaping @Sendable (OperationStatus) -> Void) {
        completionHandler.withLock { $0 = handler }
    }

    // MARK: reading and waiting

    package func status(_ id: String) -> OperationStatus? {
        state.withLock { $0.operations[id] }
    }

    /// Waits until the operation is terminal (tests; shutdown).
    package func waitUntilFinished(_ id: String) async {
        let task = state.withLock { $0.tasks[id] }
        await task?.value
    }

    /// Waits for every operation still running.
    package func waitForAll() async {
        let tasks = state.withLock { Array($0.tasks.values) }
        for task in tasks { await task.value }
    }

    /// Forgets every operation (operator `reset`); running work is cancelled.
    package func reset() {
        let tasks = state.withLock { state in
            let tasks = Array(state.tasks.values)
            state = State()
            observer?.operations(didReplaceAll: [])
            return tasks
        }
        for task in tasks { task.cancel() }
    }

    /// Percent complete of a running operation, from elapsed time over the delay (0-99).
    func percentComplete(of operation: OperationStatus) -> Int? {
        guard operation.state == .inProgress else { return nil }
        let delay = Double(provisioningDelay.components.seconds) + Double(provisioningDelay.components.attoseconds) / 1e18
        guard delay > 0 else { return 0 }
        let elapsed = now().timeIntervalSince(operation.startTime)
        return min(99, max(0, Int(elapsed / delay * 100)))
    }

    // MARK: internals

    private func finish(_ id: String, state newState: OperationStatus.State, result: JSONValue?, error: ARMError?) {
        let date = now()
        let finished: OperationStatus? = state.withLock { state in
            guard var operation = state.operations[id] else { return nil }
            operation.state = newState
            operation.endTime = date
            operation.result = result
            operation.error = error
            state.operations[id] = operation
            observer?.operations(didChange: operation)
            return operation
        }
        if let finished, let handler = completionHandler.withLock({ $0 }) { handler(finished) }
    }

    static func evict(_ state: inout State) {
        guard state.order.count > retainedOperations else { return }
        var kept: [String] = []
        var excess = state.order.count - retainedOperations
        for id in state.order {
            if excess > 0, let operation = state.operations[id], operation.state.isTerminal {
                state.operations[id] = nil
                state.tasks[id] = nil
                excess -= 1
            } else {
                kept.append(id)
            }
        }
        state.order = kept
    }

    static func subscriptionID(in request: ARMRequest) -> String? {
        guard request.segments.count >= 2, request.segments[0].lowercased() == "subscriptions" else { return nil }
        return request.segments[1]
    }

    /// ARM's resource-group deletion Location carries a base64url job token, e.g. of
    /// `{"jobId":"RESOURCEGROUPDELETIONJOB-RG1-EASTUS","jobLocation":"eastus"}`; a random suffix keeps
    /// repeated jobs apart.
    static func jobToken(kind: OperationKind, resourceID: ResourceID?, location: String) -> String {
        let job: String
        switch (kind, resourceID?.level) {
        case (.delete, .resourceGroup?): job = "RESOURCEGROUPDELETIONJOB"
        case (.delete, _): job = "DELETIONJOB"
        default: job = "ARMJOB"
        }
        let name = (resourceID?.name ?? "").uppercased()
        let suffix = String(newGUID().prefix(8)).uppercased()
        let payload: JSONValue = [
            "jobId": .string("\(job)-\(name.isEmpty ? "" : name + "-")\(location.uppercased())-\(suffix)"),
            "jobLocation": .string(location),
        ]
        return Pager.encodeSkipToken(payload.compactString)
    }
}
