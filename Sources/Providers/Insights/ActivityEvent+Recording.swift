import ARMCore
import EmulatorHTTP
import Foundation
import JSON

/// Recording the events of an operation: the few facts of each (`RecordedEvent`); the JSON is
/// rendered from them when read (`RecordedEvent+Rendering.swift`).
extension ActivityEvent {
    package enum Name: String, Sendable {
        case beginRequest = "BeginRequest"
        case endRequest = "EndRequest"

        var localized: String { self == .beginRequest ? "Begin request" : "End request" }
    }

    /// `status` values (schema doc): Started, Accepted, Succeeded, Failed.
    package enum Status: String, Sendable {
        case started = "Started"
        case accepted = "Accepted"
        case succeeded = "Succeeded"
        case failed = "Failed"
    }

    /// `channels` of every recorded event.
    static let channel = "Operation"

    /// One event of `operation`. `httpStatus` fills `subStatus` and `properties.statusCode`
    /// (`Created`, `Created (HTTP Status Code: 201)`); nil leaves them empty (BeginRequest, and the
    /// completion of a long-running operation, which has no HTTP response of its own).
    package static func make(
        _ operation: RecordedOperation, name: Name, status: Status, httpStatus: Int?, error: JSONValue?, at date: Date
    ) -> ActivityEvent {
        let (high, low) = newGUIDBits()
        return ActivityEvent(
            RecordedEvent(
                operation: operation, recordedAt: date, timestamp: ARMTimestamp.readBack(date), eventDataID: .guid(high, low),
                statusMessage: error?.compactString, httpStatus: httpStatus, name: name, status: status))
    }

    /// This event, stamped `instant` when it was stamped earlier (a recorded event; an imported
    /// one keeps its JSON).
    func notBefore(_ instant: Date) -> ActivityEvent {
        guard timestamp < instant, case .recorded(let event) = storage else { return self }
        return ActivityEvent(
            RecordedEvent(
                operation: event.operation, recordedAt: instant, timestamp: instant, eventDataID: event.eventDataID,
                statusMessage: event.statusMessage, httpStatus: event.httpStatus, name: event.name, status: event.status))
    }

    /// `caller` (schema doc: "email address …, UPN claim, or SPN claim based on availability"):
    /// the UPN for users, the object id for service principals and managed identities
    /// (EMULATOR CHOICE, docs/activity-log.md).
    package static func callerName(_ caller: Caller) -> String {
        if caller.principalType == .user, let upn = caller.userPrincipalName { return upn }
        return caller.objectId
    }

    /// `Microsoft.CognitiveServices/accounts/deployments`; ARM's own levels as Azure names them in
    /// the log (`Microsoft.Resources/subscriptions/resourceGroups`).
    static func resourceType(of resource: ResourceID) -> String {
        switch resource.level {
        case .tenant: ""
        case .subscription: "Microsoft.Resources/subscriptions"
        case .resourceGroup: "Microsoft.Resources/subscriptions/resourceGroups"
        case .resource: resource.fullType
        }
    }

    static func localizable(_ value: String, _ localized: String) -> JSONValue {
        .object(JSONObject([("value", .string(value)), ("localizedValue", .string(localized))]))
    }

    /// .NET ticks (100 ns since 0001-01-01), the last part of an event's `id`.
    static func ticks(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 10_000_000).rounded(.down)) + 621_355_968_000_000_000
    }
}
