import ARMCore
import Synchronization

/// The resource ids of the deployments calls name, by account and name as sent: building one
/// (`ResourceID.child`) took eight allocations on every call in a profile of chat completions. An id
/// is a name, not a resource (the store is still asked whether the deployment exists), so a cached
/// one never goes stale; the cache is emptied when it grows past `limit` names.
final class DeploymentIDs: Sendable {
    struct Key: Hashable {
        let account: String
        let name: String
    }

    static let limit = 1_024
    private let ids = Mutex<[Key: ResourceID]>([:])

    func id(account: ResourceID, name: String) -> ResourceID {
        let key = Key(account: account.key, name: name)
        if let id = ids.withLock({ $0[key] }) { return id }
        let id = account.child(type: "deployments", name: name)
        ids.withLock { ids in
            if ids.count >= Self.limit { ids.removeAll() }
            ids[key] = id
        }
        return id
    }
}
