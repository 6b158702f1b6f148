/// Sees every change of the operations `LongRunningOperations` tracks (the durability journal), so
/// that operations in flight survive a restart. Called under that object's lock: quick, no I/O,
/// no calls back.
package protocol OperationsObserver: Sendable {
    /// The operation's record as it now is (started, or finished).
    func operations(didChange status: OperationStatus)
    /// Every operation was forgotten (operator `reset`), or replaced by `statuses` (state import).
    func operations(didReplaceAll statuses: [OperationStatus])
}
