import ARMCore
import Identity
import JSON
import Synchronization

/// Queueing (under the callers' locks) and the flush loop (on the journal's own queue, never on
/// an event-loop thread). Records queued while a flush runs go out together in the next one: that
/// is the group commit.
extension Persistence: ResourceStoreObserver, DirectoryObserver, OperationsObserver {
    package func resourceStore(didChange change: ResourceStoreChange) { enqueue(.resource(change)) }
    package func directory(didChange snapshot: DirectorySnapshot) { enqueue(.directory(snapshot)) }
    package func operations(didChange status: OperationStatus) { enqueue(.operation(status)) }
    package func operations(didReplaceAll statuses: [OperationStatus]) { enqueue(.operations(statuses)) }
    /// The activity log gained an event (its JSON).
    package func activityLog(didAppend event: JSONValue) { enqueue(.activityEvent(event)) }
    /// The activity log was replaced (reset, state import).
    package func activityLog(didReplaceAll events: [JSONValue]) { enqueue(.activityLog(events)) }

    func enqueue(_ record: JournalRecord) {
        queue.withLock { queue in
            guard queue.accepting, queue.failure == nil else { return }
            queue.appended += 1
            queue.pending.append(record)
            if !queue.flushScheduled {
                queue.flushScheduled = true
                flusher.async { self.flushLoop() }
            }
        }
    }

    func flushLoop() {
        while true {
            let batch: (records: [JournalRecord], last: UInt64)? = queue.withLock { queue in
                if queue.pending.isEmpty || queue.failure != nil {
                    queue.flushScheduled = false
                    return nil
                }
                let records = queue.pending
                queue.pending = []
                return (records, queue.appended)
            }
            guard let batch else { return }
            var bytes: [UInt8] = []
            for record in batch.records { JournalFrame.append(record.json.serialized(), to: &bytes) }
            var failure: PersistenceError?
            journal.withLock { file in
                do throws(PersistenceError) {
                    guard let file else { throw .io("the journal is not open") }
                    try file.appendDurably(bytes)
                } catch {
                    failure = error
                }
            }
            flushCount.add(1, ordering: .relaxed)
            let (ready, failed, compact) = queue.withLock { queue in
                if let failure {
                    queue.failure = failure
                    let failed = queue.waiters.map(\.continuation)
                    queue.waiters = []
                    return ([CheckedContinuation<Void, any Error>](), failed, false)
                }
                queue.durable = batch.last
                queue.recordsSinceSnapshot += batch.records.count
                var ready: [CheckedContinuation<Void, any Error>] = []
                queue.waiters.removeAll { waiter in
                    guard waiter.sequence <= batch.last else { return false }
                    ready.append(waiter.continuation)
                    return true
                }
                return (ready, [], queue.recordsSinceSnapshot >= snapshotEveryRecords)
            }
            for continuation in ready { continuation.resume() }
            if let failure {
                for continuation in failed { continuation.resume(throwing: ARMError.stateNotDurable(failure.description)) }
                return
            }
            if compact { compactNow() }
        }
    }
}
