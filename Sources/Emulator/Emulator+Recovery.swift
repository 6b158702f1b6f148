import ARMCore
import Foundation
import Identity
import Persistence

extension Emulator {
    /// Loads the world found in the data directory into the fresh stores, settles operations that
    /// were running when the emulator stopped (never left InProgress), then writes a snapshot and
    /// starts journaling. Any damage other than a torn last record has already thrown.
    static func recover(
        _ persistence: Persistence, directory: Directory, store: ResourceStore, operations: LongRunningOperations, logger: Logger
    ) throws {
        for warning in persistence.warnings { logger.warning(warning) }
        let recovered = persistence.recoveredState(seeded: directory.snapshot()).settlingInterruptedOperations(at: Date())
        do {
            try directory.restore(recovered.directory)
        } catch {
            throw PersistenceError.corrupt("the journaled directory is inconsistent: \(error.message)")
        }
        store.restore(recovered.resources)
        operations.restore(recovered.operations)
        directory.setObserver(persistence)
        try persistence.start {
            StateDocument(resources: store.snapshot(), directory: directory.snapshot(), operations: operations.allStatuses)
        }
        logger.info(
            "data directory \(persistence.directoryPath): \(recovered.resources.count) resources, "
                + "\(recovered.operations.count) operations recovered")
    }
}
