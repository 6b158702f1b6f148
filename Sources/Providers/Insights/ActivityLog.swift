import ARMCore
import Foundation
import Synchronization

/// The activity log's events, oldest first, bounded in memory: events older than `retention` are
/// dropped (learn.microsoft.com activity log: "retained in Azure for 90 days and then deleted"), and
/// beyond `capacity` the oldest go first (EMULATOR CHOICE, docs/activity-log.md).
package final class ActivityLog: Sendable {
    package static let defaultCapacity = 100_000
    package static let retentionDays = 90

    struct Entry {
        /// Append order: the paging key (newest first = highest first).
        let sequence: UInt64
        let event: ActivityEvent
    }

    struct State {
        var entries: [Entry] = []
        /// Entries before `head` are dropped; compacted when it grows (amortised O(1) per append).
        var head = 0
        var nextSequence: UInt64 = 1
        var live: ArraySlice<Entry> { entries[head...] }
    }

    package let capacity: Int
    let state = Mutex(State())
    let now: @Sendable () -> Date
    /// Told of every change under the lock (the journal): quick, no I/O, no calls back.
    let observer: (@Sendable (ActivityLogChange) -> Void)?

    package init(
        capacity: Int = ActivityLog.defaultCapacity, now: @escaping @Sendable () -> Date = { Date() },
        observer: (@Sendable (ActivityLogChange) -> Void)? = nil
    ) {
        self.capacity = max(1, capacity)
        self.now = now
        self.observer = observer
    }

    package var retentionStart: Date { now().addingTimeInterval(-Double(Self.retentionDays) * 86_400) }

    /// Adds an event; one already past the retention window is not kept.
    package func append(_ event: ActivityEvent) {
        let cutoff = retentionStart
        guard event.timestamp >= cutoff else { return }
        state.withLock { state in
            state.entries.append(Entry(sequence: state.nextSequence, event: event))
            state.nextSequence += 1
            observer?(.append(event))
            trim(&state, cutoff: cutoff)
        }
    }

    /// Every event, oldest first (export, snapshots).
    package var all: [ActivityEvent] {
        state.withLock { $0.live.map(\.event) }
    }

    package var count: Int { state.withLock { $0.live.count } }

    /// Replaces the log (state import, recovery), sorted by timestamp, with retention applied.
    package func replace(with events: [ActivityEvent]) {
        let cutoff = retentionStart
        let sorted = events.enumerated().sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }.map(\.element)
        state.withLock { state in
            state = State()
            for event in sorted {
                state.entries.append(Entry(sequence: state.nextSequence, event: event))
                state.nextSequence += 1
            }
            trim(&state, cutoff: cutoff)
            observer?(.replaceAll(state.live.map(\.event)))
        }
    }

    package func reset() { replace(with: []) }

    /// Up to `limit` events matching `include`, newest first, strictly older (in append order)
    /// than the page key `before`; `nextKey` is set when more may follow.
    package func page(before: UInt64?, limit: Int, where include: (ActivityEvent) -> Bool) -> (events: [ActivityEvent], nextKey: UInt64?) {
        let cutoff = retentionStart
        return state.withLock { state in
            var found: [ActivityEvent] = []
            var lastKey: UInt64?
            for entry in state.live.reversed() {
                if let before, entry.sequence >= before { continue }
                guard entry.event.timestamp >= cutoff else { break }
                guard include(entry.event) else { continue }
                if found.count == limit { return (found, lastKey) }
                found.append(entry.event)
                lastKey = entry.sequence
            }
            return (found, nil)
        }
    }

    private func trim(_ state: inout State, cutoff: Date) {
        while state.head < state.entries.count,
            state.entries.count - state.head > capacity || state.entries[state.head].event.timestamp < cutoff
        {
            state.head += 1
        }
        if state.head > 1024, state.head * 2 > state.entries.count {
            state.entries.removeFirst(state.head)
            state.head = 0
        }
    }
}
