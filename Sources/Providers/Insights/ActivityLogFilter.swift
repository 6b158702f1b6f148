import ARMCore
import Foundation

/// A parsed activity log `$filter`: a time window and optional `eq` clauses, all of which an event
/// must satisfy. The grammar is Azure's "very restricted" one (`activityLogs_API.json`, `$filter`):
/// `eventTimestamp ge '<start>' [and eventTimestamp le '<end>']` followed by ` and X eq '<v>'` for
/// resourceGroupName, resourceUri (az sends resourceId), resourceProvider, correlationId, plus the
/// caller and status clauses az adds (azure-cli `monitor/custom.py`, `_build_activity_log_odata_filter`)
/// and the spec example's `eventChannels`. Parsing is in `ActivityLogFilter+Parsing.swift`.
package struct ActivityLogFilter: Sendable, Equatable {
    package var start: Date
    /// nil: up to now.
    package var end: Date?
    package var resourceGroupName: String?
    /// `resourceUri` or `resourceId` (synonyms).
    package var resourceID: String?
    package var resourceProvider: String?
    package var correlationID: String?
    package var caller: String?
    package var status: String?
    /// `eventChannels eq 'Admin, Operation'`: the event's channel must be one of these.
    package var channels: [String]?

    package init(start: Date, end: Date? = nil) {
        self.start = start
        self.end = end
    }

    /// Every clause is a case-insensitive equality; the window includes both ends.
    package func matches(_ event: ActivityEvent) -> Bool {
        guard event.timestamp >= start, end.map({ event.timestamp <= $0 }) ?? true else { return false }
        func same(_ wanted: String?, _ value: String) -> Bool {
            guard let wanted else { return true }
            return wanted.lowercased() == value.lowercased()
        }
        guard same(resourceGroupName, event.resourceGroupName), same(resourceID, event.resourceID),
            same(resourceProvider, event.resourceProvider), same(caller, event.caller), same(status, event.status)
        else { return false }
        if let correlationID, !event.hasCorrelationID(lowercased: correlationID.lowercased()) { return false }
        if let channels {
            return channels.contains { $0.lowercased() == event.channels.lowercased() }
        }
        return true
    }
}
