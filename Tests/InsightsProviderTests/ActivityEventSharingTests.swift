import ARMCore
import Foundation
import JSON
import Testing

@testable import InsightsProvider

/// Events read back from the journal have their repeated members shared (`JSONSharing`, as
/// recovery reads them) and read back as the same JSON, byte for byte.
@Suite struct ActivityEventSharingTests {
    static func bytes(_ object: JSONObject) -> String { JSONValue.object(object).compactString }

    @Test func aPairReadsBackAsTheSameBytes() throws {
        // Given the two events of one operation, as exported
        let operation = ActivityEventRenderingTests.operation()
        let begin = ActivityEvent.make(operation, name: .beginRequest, status: .started, httpStatus: nil, error: nil, at: Date())
        let end = ActivityEvent.make(
            operation, name: .endRequest, status: .failed, httpStatus: 409, error: ["error": ["code": "Conflict"]],
            at: Date().addingTimeInterval(0.123_456_7))
        // When they are read back with their repeated members shared
        let sharing = JSONSharing()
        let read = try ActivityLog.events(from: [begin, end].map { .object(sharing.shared($0.json)) })
        // Then they render the same bytes and read the same
        #expect(read.map { Self.bytes($0.json) } == [begin, end].map { Self.bytes($0.json) })
        #expect(read.map(\.timestamp) == [begin.timestamp, end.timestamp])
        #expect(read.map(\.eventDataID) == [begin.eventDataID, end.eventDataID])
    }
}
