import ARMCore
import Foundation
import JSON

/// The `EventData` JSON of a recorded event, field by field as the schema doc's Administrative
/// sample and `activityLogs_API.json` (`EventData`) show them. `ActivityEventRenderingTests` holds
/// an exact expected body, so the order, keys and values stay as they are.
extension RecordedEvent {
    var json: JSONObject {
        let operation = operation
        let eventDataID = eventDataID.description
        let resource = operation.resourceID
        let timestamp = ARMTimestamp.string(from: recordedAt)
        let statusCode = httpStatus.map(HTTPStatusCodeName.of) ?? ""
        let localizable = ActivityEvent.localizable
        var properties = JSONObject([
            ("eventCategory", "Administrative"), ("entity", .string(resource)), ("message", .string(operation.action)),
        ])
        if !statusCode.isEmpty { properties["statusCode"] = .string(statusCode) }
        properties["serviceRequestId"] = .string(operation.serviceRequestID.description)
        if let statusMessage { properties["statusMessage"] = .string(statusMessage) }
        return JSONObject([
            (
                "authorization",
                .object(JSONObject([("action", .string(operation.action)), ("scope", .string(resource))]))
            ),
            ("caller", .string(operation.caller)),
            ("channels", .string(ActivityEvent.channel)),
            ("claims", .object(operation.claims)),
            ("correlationId", .string(operation.correlationID.description)),
            ("description", ""),
            ("eventDataId", .string(eventDataID)),
            ("eventName", localizable(name.rawValue, name.localized)),
            ("category", localizable("Administrative", "Administrative")),
            ("httpRequest", .object(operation.httpRequest.json(resourceID: resource))),
            ("id", .string(resource + "/events/" + eventDataID + "/ticks/" + String(ActivityEvent.ticks(recordedAt)))),
            ("level", .string(status == .failed ? "Error" : "Informational")),
            ("resourceGroupName", .string(operation.resourceGroupName)),
            ("resourceProviderName", localizable(operation.resourceProvider, operation.resourceProvider)),
            ("resourceId", .string(resource)),
            ("resourceType", localizable(operation.resourceType, operation.resourceType)),
            ("operationId", .string(operation.operationID.description)),
            ("operationName", localizable(operation.action, operation.action)),
            ("properties", .object(properties)),
            ("status", localizable(status.rawValue, status.rawValue)),
            ("subStatus", localizable(statusCode, httpStatus.map { "\(statusCode) (HTTP Status Code: \($0))" } ?? "")),
            ("eventTimestamp", .string(timestamp)),
            // No ingestion delay: an event is readable as soon as its request is answered.
            ("submissionTimestamp", .string(timestamp)),
            ("subscriptionId", .string(operation.subscriptionID)),
            ("tenantId", .string(operation.tenantID)),
            ("relatedEvents", .array([])),
        ])
    }
}
