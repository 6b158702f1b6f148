import JSON
import Testing

@testable import Persistence

/// Replaying the journal over its snapshot: a write that lands while a generation begins is in both.
@Suite struct ReplayStateTests {
    private static func event(_ id: String) -> JSONValue { ["eventDataId": .string(id), "operationName": "write"] }

    @Test func anEventTheSnapshotHoldsIsNotAppendedAgain() {
        // Given a state holding two events (as a snapshot or an import leaves it)
        var state = ReplayState()
        state.apply(.activityLog([Self.event("A1"), Self.event("b2")]))

        // When the journal replays one of them again (in another case) and then a new one
        state.apply(.activityEvent(Self.event("B2")))
        state.apply(.activityEvent(Self.event("c3")))
        state.apply(.activityEvent(Self.event("c3")))

        // Then each event is there once, in order
        #expect(state.activityLog.map { $0["eventDataId"]?.stringValue } == ["A1", "b2", "c3"])
    }

    @Test func aReplacedLogForgetsTheEventsItReplaced() {
        // Given a log that a reset emptied
        var state = ReplayState()
        state.apply(.activityEvent(Self.event("A1")))
        state.apply(.activityLog([]))

        // When an event with the same id is journaled after it
        state.apply(.activityEvent(Self.event("A1")))

        // Then it is kept
        #expect(state.activityLog.count == 1)
    }
}
