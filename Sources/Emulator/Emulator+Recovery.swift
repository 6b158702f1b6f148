import ARMCore
import Glibc
import Identity
import InsightsProvider
import Persistence

extension Emulator {
    /// Loads the journaled world into the fresh stores and starts journaling. Any
    /// damage other than a torn last record throws, and the emulator refuses to start.
    private static func load(
        _ persistence: Persistence, directory: Directory, store: ResourceStore, operations: LongRunningOperations,
        activityLog: ActivityLog, logger: Logger
    ) throws {
        for warning in persistence.warnings { logger.warning(warning) }
        let recovered = try persistence.attach(
            store: store, directory: directory, operations: operations,
            activityLog: (
                load: { events in activityLog.replace(with: try ActivityLog.events(from: events)) },
                export: { activityLog.all.map { .object($0.json) } }
            ))
        logger.info(
            "data directory \(persistence.directoryPath): \(recovered.resources.count) resources, "
                + "\(recovered.operations.count) operations, \(activityLog.count) activity log events recovered")
    }

    /// `--data-dir`: loads the journaled world into the fresh stores and starts journaling (see
    /// `load`), then gives back the pages its parsing left free: recovery parses the whole journal
    /// and snapshot, nearly all of it garbage once the stores hold their own form, and without this
    /// the process kept that peak resident.
    static func recover(
        _ persistence: Persistence, directory: Directory, store: ResourceStore, operations: LongRunningOperations,
        activityLog: ActivityLog, logger: Logger
    ) throws {
        try load(persistence, directory: directory, store: store, operations: operations, activityLog: activityLog, logger: logger)
        trimMallocHeap()
    }

    /// glibc's `malloc_trim(0)`: returns the free pages of every malloc arena to the system
    /// (malloc.h, which the Glibc module does not import).
    static func trimMallocHeap() {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
    }

    /// The activity log's changes as journal records.
    static func journal(into persistence: Persistence) -> @Sendable (ActivityLogChange) -> Void {
        { change in
            switch change {
            case .append(let event): persistence.activityLog(didAppend: .object(event.json))
            case .replaceAll(let events): persistence.activityLog(didReplaceAll: events.map { .object($0.json) })
            }
        }
    }
}
