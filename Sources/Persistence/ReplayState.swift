import ARMCore
import Identity
import JSON

/// The world rebuilt on start: the snapshot's content with the journal applied, record by record.
struct ReplayState {
    var resources: [String: StoredResource] = [:]
    /// nil until a snapshot or a record sets it: then the seeded directory stands.
    var directory: DirectorySnapshot?
    var operations: [String: OperationStatus] = [:]
    var operationOrder: [String] = []
    var activityLog: [JSONValue] = []
    /// The `eventDataId`s in `activityLog`. A write that lands while a new generation begins is in
    /// its snapshot and again in its journal: replaying a resource twice is harmless, appending an
    /// event twice is not, so an event already held is skipped.
    private var activityEventIDs: Set<String> = []

    init() {}

    /// `sharing` keeps the events' repeated parts once as they are read, so the parsed copies go one
    /// by one instead of all staying to the end of recovery (docs/performance.md).
    init(_ document: StateDocument, sharing: JSONSharing? = nil) {
        for resource in document.resources { resources[resource.id.key] = resource }
        directory = document.directory
        replaceOperations(document.operations)
        replaceActivityLog(document.activityLog, sharing: sharing)
    }

    mutating func apply(_ record: JournalRecord, sharing: JSONSharing? = nil) {
        switch record {
        case .resource(.put(let resource)): resources[resource.id.key] = resource
        case .resource(.delete(let id)): resources[id.key] = nil
        case .resource(.removeAll): resources = [:]
        case .resource(.replaceAll(let all)):
            resources = [:]
            for resource in all { resources[resource.id.key] = resource }
        case .directory(let snapshot): directory = snapshot
        case .operation(let status):
            if operations.updateValue(status, forKey: status.id) == nil { operationOrder.append(status.id) }
        case .operations(let statuses): replaceOperations(statuses)
        case .activityEvent(let event):
            if let id = Self.eventID(event), !activityEventIDs.insert(id).inserted { return }
            activityLog.append(Self.shared(event, by: sharing))
        case .activityLog(let events): replaceActivityLog(events, sharing: sharing)
        }
    }

    private mutating func replaceOperations(_ statuses: [OperationStatus]) {
        operations = [:]
        operationOrder = []
        for status in statuses where operations.updateValue(status, forKey: status.id) == nil { operationOrder.append(status.id) }
    }

    private mutating func replaceActivityLog(_ events: [JSONValue], sharing: JSONSharing?) {
        activityLog = events.map { Self.shared($0, by: sharing) }
        activityEventIDs = Set(events.compactMap(Self.eventID))
    }

    private static func shared(_ event: JSONValue, by sharing: JSONSharing?) -> JSONValue {
        guard let sharing, case .object(let object) = event else { return event }
        return .object(sharing.shared(object))
    }

    /// An event's identity: its `eventDataId` (azure-rest-api-specs `activityLogs_API.json`, `EventData`).
    private static func eventID(_ event: JSONValue) -> String? { event["eventDataId"]?.stringValue?.lowercased() }

    /// The rebuilt world; `seeded` is the directory to use when neither snapshot nor journal had one.
    func document(seeded: DirectorySnapshot) -> StateDocument {
        StateDocument(
            resources: resources.values.sorted { $0.id.key < $1.id.key }, directory: directory ?? seeded,
            operations: operationOrder.compactMap { operations[$0] }, activityLog: activityLog)
    }
}
