import ARMCore
import Foundation
import Identity
import JSON

/// The whole emulated world as one value: every stored resource (each provider keeps its state
/// there), the directory (principals and their secrets), and the operations' records. It is the
/// body of `GET`/`PUT /_emulator/state` and the content of a snapshot file.
package struct StateDocument: Sendable, Equatable {
    package static let format = "foundry-emulator-state"
    package static let version = 1

    package var resources: [StoredResource]
    package var directory: DirectorySnapshot
    package var operations: [OperationStatus]
    /// The activity log's events as JSON, oldest first; the Insights provider validates them.
    package var activityLog: [JSONValue]

    package init(
        resources: [StoredResource], directory: DirectorySnapshot, operations: [OperationStatus], activityLog: [JSONValue] = []
    ) {
        self.resources = resources
        self.directory = directory
        self.operations = operations
        self.activityLog = activityLog
    }

    /// Provisioning states after which nothing more happens (RPC: Succeeded, Failed, Canceled).
    static let terminalProvisioningStates: Set<String> = ["succeeded", "failed", "canceled"]

    /// Settles the operations whose work was lost (the emulator stopped, or this document was
    /// exported while they ran), so that nothing stays in progress forever (docs/durability-and-load.md).
    /// EMULATOR CHOICE: an interrupted delete is completed (deleting is idempotent: the resource
    /// and everything below it go, and the operation Succeeds, as Azure would end it); any other
    /// interrupted operation ends Failed with `OperationInterrupted`, and its resource, if still
    /// in a transitional provisioning state (Creating, Updating, Accepted, ...), becomes Failed.
    /// Resources left in a transitional state without an operation are settled the same way.
    package func settlingInterruptedOperations(at date: Date) -> StateDocument {
        var byKey: [String: StoredResource] = [:]
        for resource in resources { byKey[resource.id.key] = resource }
        var settled: [OperationStatus] = []
        for operation in operations {
            guard !operation.state.isTerminal else {
                settled.append(operation)
                continue
            }
            guard let id = operation.resourceID else {
                settled.append(operation.interrupted(at: date))
                continue
            }
            if operation.kind == .delete {
                let prefix = id.key + "/"
                byKey = byKey.filter { key, _ in key != id.key && !key.hasPrefix(prefix) }
                settled.append(operation.completed(at: date))
                continue
            }
            settled.append(operation.interrupted(at: date))
            if var resource = byKey[id.key], var properties = resource.body["properties"]?.objectValue,
                let state = properties["provisioningState"]?.stringValue,
                !Self.terminalProvisioningStates.contains(state.lowercased())
            {
                properties["provisioningState"] = "Failed"
                resource.body["properties"] = .object(properties)
                resource.modifiedAt = date
                byKey[id.key] = resource
            }
        }
        // No work survives a restart, so a resource still in a transitional state is settled too,
        // operation or not (a synchronous delete marks its group Deleting, then removes it: a crash
        // between the two must not leave the group Deleting forever): Deleting completes the
        // delete, anything else (Creating, Updating, Accepted, ...) becomes Failed.
        for key in byKey.keys.sorted() {
            guard var resource = byKey[key], var properties = resource.body["properties"]?.objectValue,
                let state = properties["provisioningState"]?.stringValue,
                !Self.terminalProvisioningStates.contains(state.lowercased())
            else { continue }
            if state.lowercased() == "deleting" {
                byKey = byKey.filter { other, _ in other != key && !other.hasPrefix(key + "/") }
            } else {
                properties["provisioningState"] = "Failed"
                resource.body["properties"] = .object(properties)
                resource.modifiedAt = date
                byKey[key] = resource
            }
        }
        let kept = byKey.values.sorted { $0.id.key < $1.id.key }
        return StateDocument(resources: kept, directory: directory, operations: settled, activityLog: activityLog)
    }
}
