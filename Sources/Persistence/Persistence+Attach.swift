import ARMCore
import Foundation
import Identity

extension Persistence {
    /// Loads the world found in the data directory into fresh stores, settles the operations that
    /// were running when the emulator stopped (never left InProgress), attaches the directory's
    /// observer, then writes a snapshot and starts journaling. `store` and `operations` must have
    /// been created with this object as their observer. Answers the world as loaded.
    @discardableResult
    public func attach(
        store: ResourceStore, directory: Directory, operations: LongRunningOperations
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
        directory.setObserver(self)
        try start {
            StateDocument(resources: store.snapshot(), directory: directory.snapshot(), operations: operations.allStatuses)
        }
        return recovered
    }
}
