import ARMCore
import Foundation
import Identity
import JSON

extension Persistence {
    /// Loads the world found in the data directory into fresh stores, settles the operations that
    /// were running when the emulator stopped (never left InProgress), attaches the directory's
    /// observer, then writes a snapshot and starts journaling. `store` and `operations` must have
    /// been created with this object as their observer. `activityLog` loads the journaled events
    /// (throwing a description of a bad one) and reads the live ones for snapshots. Answers the
    /// world as loaded.
    @discardableResult
    package func attach(
        store: ResourceStore, directory: Directory, operations: LongRunningOperations,
        activityLog: (load: @Sendable ([JSONValue]) throws -> Void, export: @Sendable () -> [JSONValue])? = nil
    ) throws(PersistenceError)
        -> StateDocument
    {
        let recovered = recoveredState(seeded: directory.snapshot()).settlingInterruptedOperations(at: Date())
        do {
            try directory.restore(recovered.directory)
        } catch {
            throw .corrupt("the journaled directory is inconsistent: \(error.message)")
        }
        store.restore(recovered.resources)
        operations.restore(recovered.operations)
        if let activityLog {
            do {
                try activityLog.load(recovered.activityLog)
            } catch {
                throw .corrupt("the journaled activity log is invalid: \(error)")
            }
        }
        directory.setObserver(self)
        try start {
            StateDocument(
                resources: store.snapshot(), directory: directory.snapshot(), operations: operations.allStatuses,
                activityLog: activityLog?.export() ?? [])
        }
        return recovered
    }
}
