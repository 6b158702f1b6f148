import ARMCore
import Foundation
import JSON

/// One activity log event, whose `EventData` JSON (azure-rest-api-specs `activityLogs_API.json`,
/// `EventData`; learn.microsoft.com "Azure Monitor activity log event schema") is rendered when it
/// is served, exported (`/_emulator/state`) or journaled (`json`). An event the recorder wrote
/// keeps its few own facts and shares its operation's (`RecordedEvent`); one read back from a
/// state document or the journal keeps the JSON it came as. Either way it reads back exactly as
/// it was served. The accessors below are the fields the `$filter` reads.
package struct ActivityEvent: Sendable, Equatable {
    enum Storage: Sendable {
        case recorded(RecordedEvent)
        case imported(ImportedActivityEvent)
    }

    let storage: Storage

    init(_ event: RecordedEvent) { storage = .recorded(event) }

    /// Reads an event back (state import, the journal); the error names the first problem found.
    package init(json value: JSONValue) throws(InsightsError) {
        storage = .imported(try ImportedActivityEvent(json: value))
    }

    package var timestamp: Date {
        switch storage {
        case .recorded(let event): event.timestamp
        case .imported(let event): event.timestamp
        }
    }

    package var eventDataID: String {
        switch storage {
        case .recorded(let event): event.eventDataID.description
        case .imported(let event): event.eventDataID
        }
    }

    package var correlationID: String {
        switch storage {
        case .recorded(let event): event.operation.correlationID.description
        case .imported(let event): event.correlationID
        }
    }

    package var resourceID: String {
        switch storage {
        case .recorded(let event): event.operation.resourceID
        case .imported(let event): event.resourceID
        }
    }

    package var resourceGroupName: String {
        switch storage {
        case .recorded(let event): event.operation.resourceGroupName
        case .imported(let event): event.resourceGroupName
        }
    }

    package var resourceProvider: String {
        switch storage {
        case .recorded(let event): event.operation.resourceProvider
        case .imported(let event): event.resourceProvider
        }
    }

    package var subscriptionID: String {
        switch storage {
        case .recorded(let event): event.operation.subscriptionID
        case .imported(let event): event.subscriptionID
        }
    }

    package var caller: String {
        switch storage {
        case .recorded(let event): event.operation.caller
        case .imported(let event): event.caller
        }
    }

    package var status: String {
        switch storage {
        case .recorded(let event): event.status.rawValue
        case .imported(let event): event.status
        }
    }

    package var channels: String {
        switch storage {
        case .recorded: ActivityEvent.channel
        case .imported(let event): event.channels
        }
    }

    /// True when the correlation id is `wanted` (lower-cased), without printing a GUID kept as bytes.
    func hasCorrelationID(lowercased wanted: String) -> Bool {
        switch storage {
        case .recorded(let event): event.operation.correlationID.matches(lowercased: wanted)
        case .imported(let event): event.correlationID.lowercased() == wanted
        }
    }

    /// The `EventData` JSON.
    package var json: JSONObject {
        switch storage {
        case .recorded(let event): event.json
        case .imported(let event): event.json
        }
    }

    /// The same instant and the same JSON, however each is kept.
    package static func == (lhs: ActivityEvent, rhs: ActivityEvent) -> Bool {
        lhs.timestamp == rhs.timestamp && lhs.json == rhs.json
    }

    /// Only the top-level properties `names` lists (case-insensitive), in the event's own order.
    package func selecting(_ names: Set<String>?) -> JSONValue {
        let json = json
        guard let names else { return .object(json) }
        return .object(JSONObject(json.pairs.filter { names.contains($0.key.lowercased()) }.map { ($0.key, $0.value) }))
    }
}
