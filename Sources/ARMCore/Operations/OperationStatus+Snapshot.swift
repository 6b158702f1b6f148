import Foundation
import JSON

/// A self-describing JSON form of an operation's record, for the journal, snapshots and
/// `/_emulator/state`.
extension OperationStatus {
    package var snapshotJSON: JSONValue {
        var object = JSONObject([
            ("id", .string(id)),
            ("subscriptionId", .string(subscriptionID)),
            ("namespace", .string(namespace)),
            ("location", .string(location)),
            ("kind", .string(kind.rawValue)),
            ("status", .string(state.rawValue)),
            ("startTime", .string(ARMTimestamp.string(from: startTime))),
        ])
        if let endTime { object["endTime"] = .string(ARMTimestamp.string(from: endTime)) }
        if let error { object["error"] = error.snapshotJSON }
        if let result { object["result"] = result }
        if let resourceID { object["resourceId"] = .string(resourceID.description) }
        return .object(object)
    }

    /// Reads `snapshotJSON` back; nil when it is not one.
    package init?(snapshotJSON json: JSONValue) {
        guard let id = json["id"]?.stringValue, !id.isEmpty,
            let subscriptionID = json["subscriptionId"]?.stringValue,
            let namespace = json["namespace"]?.stringValue,
            let location = json["location"]?.stringValue,
            let kind = json["kind"]?.stringValue.flatMap(OperationKind.init(rawValue:)),
            let state = json["status"]?.stringValue.flatMap(State.init(rawValue:)),
            let startTime = json["startTime"]?.stringValue.flatMap(ARMTimestamp.date(from:))
        else { return nil }
        var endTime: Date?
        if let text = json["endTime"] {
            guard let date = text.stringValue.flatMap(ARMTimestamp.date(from:)) else { return nil }
            endTime = date
        }
        var error: ARMError?
        if let errorJSON = json["error"] {
            guard let decoded = ARMError(snapshotJSON: errorJSON) else { return nil }
            error = decoded
        }
        var resourceID: ResourceID?
        if let text = json["resourceId"] {
            guard let parsed = text.stringValue.flatMap(ResourceID.init) else { return nil }
            resourceID = parsed
        }
        self.init(
            id: id, subscriptionID: subscriptionID, namespace: namespace, location: location, kind: kind, state: state,
            startTime: startTime, endTime: endTime, error: error, result: json["result"], resourceID: resourceID)
    }

    /// The record of an operation whose work was lost (the emulator stopped while it ran, or a
    /// state import carried it): Failed with `OperationInterrupted`, so pollers stop waiting.
    package func interrupted(at date: Date) -> OperationStatus {
        var copy = self
        copy.state = .failed
        copy.endTime = date
        copy.error = .operationInterrupted
        copy.result = nil
        return copy
    }

    /// The record of an interrupted delete that was completed on restart instead (deletes are
    /// idempotent, so the emulator finishes them as Azure would).
    package func completed(at date: Date) -> OperationStatus {
        var copy = self
        copy.state = .succeeded
        copy.endTime = date
        copy.error = nil
        return copy
    }
}

extension ARMError {
    /// `{status, code, message, target?, details?}`: what an operation record keeps of its error.
    package var snapshotJSON: JSONValue {
        var object = JSONObject([("status", .int(Int64(status))), ("code", .string(code)), ("message", .string(message))])
        if let target { object["target"] = .string(target) }
        if !details.isEmpty { object["details"] = .array(details.map(\.snapshotJSON)) }
        return .object(object)
    }

    package init?(snapshotJSON json: JSONValue) {
        guard let status = json["status"]?.intValue, let code = json["code"]?.stringValue,
            let message = json["message"]?.stringValue
        else { return nil }
        var details: [ARMError] = []
        for detail in json["details"]?.arrayValue ?? [] {
            guard let decoded = ARMError(snapshotJSON: detail) else { return nil }
            details.append(decoded)
        }
        self.init(status: status, code: code, message: message, target: json["target"]?.stringValue, details: details)
    }
}
