import ARMCore
import Foundation
import JSON

/// One activity log event: its `EventData` JSON as served (azure-rest-api-specs `activityLogs_API.json`,
/// `EventData`; learn.microsoft.com "Azure Monitor activity log event schema"), with the fields the
/// `$filter` reads pulled out once. The JSON is what `/_emulator/state` exports and the journal
/// keeps, so an event reads back exactly as it was served.
package struct ActivityEvent: Sendable, Equatable {
    package let json: JSONObject
    package let timestamp: Date
    package let eventDataID: String
    package let correlationID: String
    package let resourceID: String
    package let resourceGroupName: String
    package let resourceProvider: String
    package let subscriptionID: String
    package let caller: String
    package let status: String
    package let channels: String

    /// Reads an event back (state import, the journal); the error names the first problem found.
    package init(json value: JSONValue) throws(InsightsError) {
        guard let object = value.objectValue else { throw .badRequest("an activity log event must be a JSON object.") }
        func string(_ name: String) throws(InsightsError) -> String {
            guard let text = object[name]?.stringValue else { throw .badRequest("an activity log event needs a string '\(name)'.") }
            return text
        }
        func localizable(_ name: String) throws(InsightsError) -> String {
            guard let text = object[name]?["value"]?.stringValue else {
                throw .badRequest("an activity log event needs '\(name)' as {value, localizedValue}.")
            }
            return text
        }
        let stamp = try string("eventTimestamp")
        guard let date = ARMTimestamp.date(from: stamp) else { throw .badRequest("'eventTimestamp' \(stamp) is not a timestamp.") }
        timestamp = date
        eventDataID = try string("eventDataId")
        correlationID = try string("correlationId")
        resourceID = try string("resourceId")
        subscriptionID = try string("subscriptionId")
        caller = object["caller"]?.stringValue ?? ""
        resourceGroupName = object["resourceGroupName"]?.stringValue ?? ""
        resourceProvider = try localizable("resourceProviderName")
        status = try localizable("status")
        channels = object["channels"]?.stringValue ?? ""
        // The SDKs deserialise `claims` and `properties` as {string: string}.
        for name in ["claims", "properties"] {
            guard let members = object[name]?.objectValue else { throw .badRequest("'\(name)' must be an object of strings.") }
            guard members.pairs.allSatisfy({ $0.value.stringValue != nil }) else {
                throw .badRequest("'\(name)' must be an object of strings.")
            }
        }
        json = object
    }

    /// An event this module built itself (`make`): no validation needed.
    init(built object: JSONObject, timestamp: Date) {
        json = object
        self.timestamp = timestamp
        eventDataID = object["eventDataId"]?.stringValue ?? ""
        correlationID = object["correlationId"]?.stringValue ?? ""
        resourceID = object["resourceId"]?.stringValue ?? ""
        subscriptionID = object["subscriptionId"]?.stringValue ?? ""
        caller = object["caller"]?.stringValue ?? ""
        resourceGroupName = object["resourceGroupName"]?.stringValue ?? ""
        resourceProvider = object["resourceProviderName"]?["value"]?.stringValue ?? ""
        status = object["status"]?["value"]?.stringValue ?? ""
        channels = object["channels"]?.stringValue ?? ""
    }

    /// Only the top-level properties `names` lists (case-insensitive), in the event's own order.
    package func selecting(_ names: Set<String>?) -> JSONValue {
        guard let names else { return .object(json) }
        return .object(JSONObject(json.pairs.filter { names.contains($0.key.lowercased()) }.map { ($0.key, $0.value) }))
    }
}
