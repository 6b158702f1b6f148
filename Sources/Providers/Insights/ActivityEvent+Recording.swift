import ARMCore
import EmulatorHTTP
import Foundation
import JSON

/// Building the events of a recorded operation, field by field as the schema doc's Administrative
/// sample and `activityLogs_API.json` (`EventData`) show them.
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

    /// One event of `operation`. `httpStatus` fills `subStatus` and `properties.statusCode`
    /// (`Created`, `Created (HTTP Status Code: 201)`); nil leaves them empty (BeginRequest, and the
    /// completion of a long-running operation, which has no HTTP response of its own).
    package static func make(
        _ operation: RecordedOperation, name: Name, status: Status, httpStatus: Int?, error: JSONValue?, at date: Date
    ) -> ActivityEvent {
        let eventDataID = newGUID()
        let resource = operation.resourceID
        let timestamp = ARMTimestamp.string(from: date)
        let statusCode = httpStatus.map(HTTPStatusCodeName.of) ?? ""
        var properties = JSONObject([
            ("eventCategory", "Administrative"), ("entity", .string(resource.description)), ("message", .string(operation.action)),
        ])
        if !statusCode.isEmpty { properties["statusCode"] = .string(statusCode) }
        properties["serviceRequestId"] = .string(operation.serviceRequestID)
        if let error { properties["statusMessage"] = .string(error.compactString) }
        let type = resourceType(of: resource)
        let json = JSONObject([
            (
                "authorization",
                .object(JSONObject([("action", .string(operation.action)), ("scope", .string(resource.description))]))
            ),
            ("caller", .string(callerName(operation.caller))),
            ("channels", "Operation"),
            ("claims", .object(operation.claims)),
            ("correlationId", .string(operation.correlationID)),
            ("description", ""),
            ("eventDataId", .string(eventDataID)),
            ("eventName", localizable(name.rawValue, name.localized)),
            ("category", localizable("Administrative", "Administrative")),
            ("httpRequest", .object(operation.httpRequest)),
            ("id", .string(resource.description + "/events/" + eventDataID + "/ticks/" + String(ticks(date)))),
            ("level", .string(status == .failed ? "Error" : "Informational")),
            ("resourceGroupName", .string(resource.resourceGroup ?? "")),
            ("resourceProviderName", localizable(resource.namespace ?? "", resource.namespace ?? "")),
            ("resourceId", .string(resource.description)),
            ("resourceType", localizable(type, type)),
            ("operationId", .string(operation.operationID)),
            ("operationName", localizable(operation.action, operation.action)),
            ("properties", .object(properties)),
            ("status", localizable(status.rawValue, status.rawValue)),
            ("subStatus", localizable(statusCode, httpStatus.map { "\(statusCode) (HTTP Status Code: \($0))" } ?? "")),
            ("eventTimestamp", .string(timestamp)),
            // No ingestion delay: an event is readable as soon as its request is answered.
            ("submissionTimestamp", .string(timestamp)),
            ("subscriptionId", .string(resource.subscriptionID ?? "")),
            ("tenantId", .string(operation.caller.tenantId)),
            ("relatedEvents", .array([])),
        ])
        // The instant the JSON says (7 fractional digits), so an event reads back exactly as recorded.
        return ActivityEvent(built: json, timestamp: ARMTimestamp.date(from: timestamp) ?? date)
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
