import ARMCore
import Identity
import InsightsProvider
import Persistence

extension Emulator {
    /// `--data-dir`: loads the journaled world into the fresh stores and starts journaling. Any
    /// damage other than a torn last record throws, and the emulator refuses to start.
    static func recover(
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
