import ARMCore
import Identity

/// One entry of the journal: a change of the resource store, the directory or the operations.
/// Every entry carries whole new values (a resource, the directory, an operation's record), so
/// replaying one twice changes nothing: snapshots may overlap the journal that follows them.
enum JournalRecord: Sendable, Equatable {
    case resource(ResourceStoreChange)
    case directory(DirectorySnapshot)
    case operation(OperationStatus)
    case operations([OperationStatus])
}
