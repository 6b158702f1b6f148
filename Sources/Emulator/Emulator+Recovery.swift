import ARMCore
import Identity
import Persistence

extension Emulator {
    /// `--data-dir`: loads the journaled world into the fresh stores and starts journaling. Any
    /// damage other than a torn last record throws, and the emulator refuses to start.
    static func recover(
        _ persistence: Persistence, directory: Directory, store: ResourceStore, operations: LongRunningOperations, logger: Logger
    ) throws {
        for warning in persistence.warnings { logger.warning(warning) }
        let recovered = try persistence.attach(store: store, directory: directory, operations: operations)
        logger.info(
            "data directory \(persistence.directoryPath): \(recovered.resources.count) resources, "
                + "\(recovered.operations.count) operations recovered")
    }
}
