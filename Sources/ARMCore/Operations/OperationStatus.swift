import Foundation
import JSON

/// What a handler's background work is, which decides the final `operationResults` answer.
package enum OperationKind: String, Sendable {
    case create
    case update
    case delete
    case action
}

/// The record of one asynchronous operation (RPC async-api-reference; docs/azure-behaviours.md "Asynchronous operations").
package struct OperationStatus: Sendable, Equatable {
    /// Status values. Anything other than Succeeded/Failed/Canceled is "still running" to clients.
    package enum State: String, Sendable {
        case inProgress = "InProgress"
        case succeeded = "Succeeded"
        case failed = "Failed"
        case canceled = "Canceled"

        package var isTerminal: Bool { self != .inProgress }
    }

    /// The operation id (a GUID, or the job token of a subscription-level operation).
    package let id: String
    package let subscriptionID: String
    package let namespace: String
    /// Normalised region name.
    package let location: String
    package let kind: OperationKind
    package internal(set) var state: State
    package let startTime: Date
    package internal(set) var endTime: Date?
    /// Set when Failed/Canceled.
    package internal(set) var error: ARMError?
    /// The final body `operationResults` returns with 200; nil answers 204.
    package internal(set) var result: JSONValue?
    /// The resource the operation acts on, when known.
    package let resourceID: ResourceID?

    /// The operation-status resource, which always answers 200 (docs/azure-behaviours.md "Asynchronous operations"):
    /// `{id, name, status, startTime, endTime?, percentComplete?, error?}`.
    package func statusJSON(percentComplete: Int? = nil) -> JSONValue {
        var body: JSONObject = [
            "id": .string("/subscriptions/\(subscriptionID)/providers/\(namespace)/locations/\(location)/operationStatuses/\(id)"),
            "name": .string(id),
            "status": .string(state.rawValue),
            "startTime": .string(ARMTimestamp.string(from: startTime)),
        ]
        if let endTime { body["endTime"] = .string(ARMTimestamp.string(from: endTime)) }
        if state == .succeeded {
            body["percentComplete"] = 100
        } else if state == .inProgress, let percentComplete {
            body["percentComplete"] = .int(Int64(percentComplete))
        }
        if let error, state == .failed || state == .canceled {
            body["error"] = error.errorObjectJSON
        }
        return .object(body)
    }
}
