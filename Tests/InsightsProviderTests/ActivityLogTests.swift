import ARMCore
import Foundation
import JSON
import Synchronization
import Testing

@testable import InsightsProvider

/// The store: retention by age and by count, paging keys, replacement, and the journal's view.
@Suite struct ActivityLogTests {
    static func event(at date: Date, group: String = "rg") -> ActivityEvent {
        let operation = RecordedOperation(
            operationID: CompactID.newGUID(), correlationID: newGUID(), serviceRequestID: newGUID(),
            resourceID: ResourceID.resourceGroup(subscriptionID: "s", name: group), action: "Microsoft.Resources/x/write",
            caller: Caller(objectId: "o", tenantId: "t", principalType: .servicePrincipal), claims: JSONObject(),
            httpRequest: RecordedHTTPRequest(
                clientRequestID: "c", clientIpAddress: "127.0.0.1", method: "PUT", baseURL: "http://h", target: "/"))
        return ActivityEvent.make(operation, name: .beginRequest, status: .started, httpStatus: nil, error: nil, at: date)
    }

    @Test func dropsTheOldestBeyondTheCapacityAndTheRetention() {
        let log = ActivityLog(capacity: 3)
        for _ in 0..<5 { log.append(Self.event(at: Date())) }
        #expect(log.count == 3)
        log.append(Self.event(at: Date().addingTimeInterval(-91 * 86_400)))
        #expect(log.all.allSatisfy { $0.timestamp > log.retentionStart })
    }

    /// Two event loops stamp events and append them in either order; the log must still read
    /// newest first by time (what Azure's list returns and clients sort on).
    @Test func anEventStampedBeforeTheNewestTakesItsInstant() throws {
        let log = ActivityLog()
        let base = Date()
        log.append(Self.event(at: base, group: "first"))
        log.append(Self.event(at: base.addingTimeInterval(0.5), group: "second"))
        log.append(Self.event(at: base.addingTimeInterval(0.2), group: "late"))
        let page = log.page(before: nil, limit: 10) { _ in true }.events
        #expect(page.map(\.resourceGroupName) == ["late", "second", "first"])
        #expect(page.map(\.timestamp) == page.map(\.timestamp).sorted(by: >))
        #expect(page[0].timestamp == page[1].timestamp)
        // And its JSON prints the instant it now has, in `eventTimestamp` and the ticks of `id`
        let json = page[0].json
        let second = page[1].json
        #expect(json["eventTimestamp"] == second["eventTimestamp"])
        let ticks = { (event: JSONObject) in event["id"]?.stringValue?.components(separatedBy: "/ticks/").last }
        #expect(ticks(json) != nil && ticks(json) == ticks(second))
    }

    @Test func theRingKeepsTheNewestInOrderAcrossWrapsAndRetention() {
        // Given a log of 5 events that has wrapped around several times, with an old event dropped
        // by retention in between
        let log = ActivityLog(capacity: 5)
        let base = Date()
        for index in 0..<13 { log.append(Self.event(at: base.addingTimeInterval(Double(index)), group: "g\(index)")) }
        // When it is read whole and page by page
        let all = log.all.map(\.resourceGroupName)
        let first = log.page(before: nil, limit: 3) { _ in true }
        let second = log.page(before: first.nextKey, limit: 3) { _ in true }
        // Then it holds the newest 5, oldest first, and pages newest first
        #expect(all == ["g8", "g9", "g10", "g11", "g12"])
        #expect(log.count == 5)
        #expect(first.events.map(\.resourceGroupName) == ["g12", "g11", "g10"])
        #expect(second.events.map(\.resourceGroupName) == ["g9", "g8"])
        #expect(second.nextKey == nil)
        // And after a replacement with more than fit, the newest of those, in time order
        log.replace(with: (0..<7).reversed().map { Self.event(at: base.addingTimeInterval(Double($0)), group: "r\($0)") })
        #expect(log.all.map(\.resourceGroupName) == ["r2", "r3", "r4", "r5", "r6"])
        log.append(Self.event(at: base.addingTimeInterval(10), group: "n"))
        #expect(log.all.map(\.resourceGroupName) == ["r3", "r4", "r5", "r6", "n"])
    }

    @Test func pagesNewestFirst() {
        let log = ActivityLog()
        let base = Date()
        for index in 0..<5 { log.append(Self.event(at: base.addingTimeInterval(Double(index)), group: "g\(index)")) }
        let first = log.page(before: nil, limit: 2) { _ in true }
        #expect(first.events.map(\.resourceGroupName) == ["g4", "g3"])
        let second = log.page(before: first.nextKey, limit: 2) { _ in true }
        #expect(second.events.map(\.resourceGroupName) == ["g2", "g1"])
        let last = log.page(before: second.nextKey, limit: 2) { _ in true }
        #expect(last.events.map(\.resourceGroupName) == ["g0"])
        #expect(last.nextKey == nil)
    }

    @Test func anEventReadsBackAsItWasAndABadOneIsRefused() throws {
        let event = Self.event(at: Date())
        #expect(try ActivityEvent(json: .object(event.json)) == event)
        var broken = event.json
        broken["claims"] = ["nested": ["a": 1]]
        #expect(throws: InsightsError.self) { try ActivityLog.events(from: [.object(broken)]) }
        #expect(throws: InsightsError.self) { try ActivityLog.events(from: [.object(event.json), .object(event.json)]) }
    }

    @Test func theObserverHearsAppendsAndReplacements() {
        let heard = Mutex<[ActivityLogChange]>([])
        let log = ActivityLog(observer: { change in heard.withLock { $0.append(change) } })
        let event = Self.event(at: Date())
        log.append(event)
        log.reset()
        #expect(heard.withLock { $0 } == [.append(event), .replaceAll([])])
    }
}
