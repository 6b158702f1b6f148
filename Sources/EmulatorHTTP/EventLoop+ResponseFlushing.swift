/// Responses go out together at the end of a turn of the loop rather than each as its handler
/// produced it (docs/performance.md "Writing responses together (2026-12-04)").
extension EventLoop {
    /// Writes the responses handlers produced in this turn of the loop, one after another once
    /// every ready handler has run: written as each was produced, every response woke the client's
    /// thread on its own (a wake-up, often an inter-processor interrupt and a preemption per
    /// request, perf); written together, the first one wakes it and the others find it awake.
    func flushAfterJobs(_ connection: Connection) {
        if pendingFlushes.isEmpty { pendingSince = MonotonicClock.now() }
        pendingFlushes.append(connection)
    }

    /// How long a queued response may wait for the handlers after it: past this, the responses
    /// queued so far go out after the job that ran, so a slow handler holds the others back by
    /// at most its own time plus this (1 ms: alternated `wrk` runs of PUTs were at their best from
    /// about here, no better unbounded; 250 µs gave back about a third of the gain).
    static let flushBudget: UInt64 = 1_000_000

    /// Writes every response queued so far.
    func flushPending() {
        guard !pendingFlushes.isEmpty else { return }
        swap(&pendingFlushes, &flushing)
        for connection in flushing { connection.flushScheduled() }
        flushing.removeAll(keepingCapacity: true)
    }
}
