import ARMCore
import Foundation
import JSON

/// An event read back (state import, the journal) that is kept as the JSON it came as, with the
/// fields the `$filter` reads pulled out once.
final class ImportedActivityEvent: Sendable {
    let json: JSONObject
    let timestamp: Date
    let eventDataID: String
    let correlationID: String
    let resourceID: String
    let resourceGroupName: String
    let resourceProvider: String
    let subscriptionID: String
    let caller: String
    let status: String
    let channels: String

    /// The error names the first problem found.
    init(json value: JSONValue) throws(InsightsError) {
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
}
