import ARMCore
import Identity
import JSON

/// One entry of the journal: a change of the resource store, the directory, the operations or the
/// activity log (whose events are kept as their JSON: the Insights provider owns their shape).
/// Every entry carries whole new values (a resource, the directory, an operation's record), so
/// replaying one twice changes nothing: snapshots may overlap the journal that follows them.
enum JournalRecord: Sendable, Equatable {
    case resource(ResourceStoreChange)
    case directory(DirectorySnapshot)
    case operation(OperationStatus)
    case operations([OperationStatus])
    case activityEvent(JSONValue)
    case activityLog([JSONValue])
}
