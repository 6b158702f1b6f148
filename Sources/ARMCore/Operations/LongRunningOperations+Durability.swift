import Foundation

/// Export and import of the operations' records (durable state, `/_emulator/state`).
extension LongRunningOperations {
    /// Every retained operation, in start order.
    package var allStatuses: [OperationStatus] {
        state.withLock { state in state.order.compactMap { state.operations[$0] } }
    }

    /// Replaces every record with `statuses` (in start order). Running work is cancelled. A record
    /// still InProgress has no work behind it any more, so it is finished first with
    /// `OperationStatus.interrupted(at:)`: an operation is never left running forever (docs/durability-and-load.md).
    package func restore(_ statuses: [OperationStatus]) {
        let date = now()
        let finished = statuses.map { $0.state.isTerminal ? $0 : $0.interrupted(at: date) }
        let tasks = state.withLock { state in
            let tasks = Array(state.tasks.values)
            state = State()
            for status in finished where state.operations[status.id] == nil {
                state.operations[status.id] = status
                state.order.append(status.id)
            }
            Self.evict(&state)
            observer?.operations(didReplaceAll: state.order.compactMap { state.operations[$0] })
            return tasks
        }
        for task in tasks { task.cancel() }
    }
}
