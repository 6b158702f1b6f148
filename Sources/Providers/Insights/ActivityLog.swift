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

    /// The events in a ring that grows up to `capacity` and then overwrites its oldest: memory
    /// stays at the events kept, and no append moves the others (dropping the head of a growing
    /// array moved up to 100,000 entries under the lock now and then; docs/performance.md). Live
    /// events were appended one after another and leave oldest first, so their sequence numbers
    /// run without gaps and are not stored.
    struct State {
        private(set) var slots: [ActivityEvent] = []
        /// The oldest live event's slot.
        private var start = 0
        private(set) var count = 0
        var nextSequence: UInt64 = 1

        init() {}

        /// The i-th live entry, oldest first.
        subscript(offset: Int) -> Entry {
            Entry(sequence: nextSequence - UInt64(count - offset), event: slots[(start + offset) % slots.count])
        }

        /// Live entries, oldest first.
        var live: [Entry] { (0..<count).map { self[$0] } }

        mutating func append(_ event: ActivityEvent, capacity: Int) {
            nextSequence += 1
            if count < slots.count {
                slots[(start + count) % slots.count] = event
                count += 1
            } else if slots.count < capacity {
                if start != 0 {
                    slots = Array(slots[start...] + slots[..<start])
                    start = 0
                }
                if slots.count == slots.capacity { slots.reserveCapacity(min(max(16, slots.count * 2), capacity)) }
                slots.append(event)
                count += 1
            } else {
                slots[start] = event
                start = (start + 1) % slots.count
            }
        }

        /// Drops the oldest live entry.
        mutating func dropFirst() {
            start = (start + 1) % slots.count
            count -= 1
        }
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
            // The log reads newest first by time, as Azure's does: an event stamped before the
            // newest one but appended after it (the other event loop's write, a long-running
            // operation's end) takes the newest one's instant, so append order stays time order.
            let event = state.count > 0 ? event.notBefore(state[state.count - 1].event.timestamp) : event
            state.append(event, capacity: capacity)
            observer?(.append(event))
            trim(&state, cutoff: cutoff)
        }
    }

    /// Every event, oldest first (export, snapshots).
    package var all: [ActivityEvent] {
        state.withLock { $0.live.map(\.event) }
    }

    package var count: Int { state.withLock { $0.count } }

    /// Replaces the log (state import, recovery), sorted by timestamp, with retention applied.
    package func replace(with events: [ActivityEvent]) {
        let cutoff = retentionStart
        let sorted = events.enumerated().sorted { ($0.element.timestamp, $0.offset) < ($1.element.timestamp, $1.offset) }.map(\.element)
        state.withLock { state in
            state = State()
            for event in sorted { state.append(event, capacity: capacity) }
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
            for offset in stride(from: state.count - 1, through: 0, by: -1) {
                let entry = state[offset]
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
        while state.count > 0, state[0].event.timestamp < cutoff { state.dropFirst() }
    }
}
