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

    init() {}

    init(_ document: StateDocument) {
        for resource in document.resources { resources[resource.id.key] = resource }
        directory = document.directory
        replaceOperations(document.operations)
        activityLog = document.activityLog
    }

    mutating func apply(_ record: JournalRecord) {
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
        case .activityEvent(let event): activityLog.append(event)
        case .activityLog(let events): activityLog = events
        }
    }

    private mutating func replaceOperations(_ statuses: [OperationStatus]) {
        operations = [:]
        operationOrder = []
        for status in statuses where operations.updateValue(status, forKey: status.id) == nil { operationOrder.append(status.id) }
    }

    /// The rebuilt world; `seeded` is the directory to use when neither snapshot nor journal had one.
    func document(seeded: DirectorySnapshot) -> StateDocument {
        StateDocument(
            resources: resources.values.sorted { $0.id.key < $1.id.key }, directory: directory ?? seeded,
            operations: operationOrder.compactMap { operations[$0] }, activityLog: activityLog)
    }
}
