import ARMCore
import Foundation
import Identity
import JSON

/// The payload of a journal frame: compact JSON, `{"t": kind, ...}`.
extension JournalRecord {
    var json: JSONValue {
        switch self {
        case .resource(.put(let resource)): ["t": "put", "r": resource.snapshotJSON]
        case .resource(.delete(let id)): ["t": "delete", "id": .string(id.description)]
        case .resource(.removeAll): ["t": "removeAll"]
        case .resource(.replaceAll(let resources)): ["t": "replaceAll", "r": .array(resources.map(\.snapshotJSON))]
        case .directory(let snapshot): ["t": "directory", "v": snapshot.json]
        case .operation(let status): ["t": "operation", "v": status.snapshotJSON]
        case .operations(let statuses): ["t": "operations", "v": .array(statuses.map(\.snapshotJSON))]
        case .activityEvent(let event): ["t": "activity", "v": event]
        case .activityLog(let events): ["t": "activityLog", "v": .array(events)]
        }
    }

    /// Reads a payload back; throws a description of what is wrong.
    init(json: JSONValue) throws(PersistenceError) {
        func bad(_ what: String) -> PersistenceError { .corrupt("journal record \(what)") }
        switch json["t"]?.stringValue {
        case "put":
            guard let value = json["r"], let resource = StoredResource(snapshotJSON: value) else {
                throw bad("'put' has no valid resource")
            }
            self = .resource(.put(resource))
        case "delete":
            guard let text = json["id"]?.stringValue, let id = ResourceID(text) else { throw bad("'delete' has no valid id") }
            self = .resource(.delete(id))
        case "removeAll":
            self = .resource(.removeAll)
        case "replaceAll":
            guard let items = json["r"]?.arrayValue else { throw bad("'replaceAll' has no resources") }
            var resources: [StoredResource] = []
            for item in items {
                guard let resource = StoredResource(snapshotJSON: item) else { throw bad("'replaceAll' has an invalid resource") }
                resources.append(resource)
            }
            self = .resource(.replaceAll(resources))
        case "directory":
            guard let value = json["v"], let snapshot = DirectorySnapshot(json: value) else { throw bad("'directory' is invalid") }
            self = .directory(snapshot)
        case "operation":
            guard let value = json["v"], let status = OperationStatus(snapshotJSON: value) else { throw bad("'operation' is invalid") }
            self = .operation(status)
        case "operations":
            guard let items = json["v"]?.arrayValue else { throw bad("'operations' has no list") }
            var statuses: [OperationStatus] = []
            for item in items {
                guard let status = OperationStatus(snapshotJSON: item) else { throw bad("'operations' has an invalid record") }
                statuses.append(status)
            }
            self = .operations(statuses)
        case "activity":
            guard let value = json["v"], value.objectValue != nil else { throw bad("'activity' has no event") }
            self = .activityEvent(value)
        case "activityLog":
            guard let items = json["v"]?.arrayValue, items.allSatisfy({ $0.objectValue != nil }) else {
                throw bad("'activityLog' has no list of events")
            }
            self = .activityLog(items)
        default:
            throw bad("of unknown kind")
        }
    }
}

extension DirectorySnapshot {
    /// The directory's `Codable` form as a JSON value.
    var json: JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain strings and arrays cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return (try? JSONParser.parse(Array(data))) ?? .object(JSONObject())
    }

    /// Decodes the `Codable` form; nil when a field is missing or of the wrong type.
    init?(json: JSONValue) {
        guard case .object = json, let decoded = try? JSONDecoder().decode(DirectorySnapshot.self, from: Data(json.serialized())) else {
            return nil
        }
        self = decoded
    }
}
