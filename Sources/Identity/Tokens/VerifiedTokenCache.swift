import ARMCore
import Synchronization

/// Tokens already verified, so that an RSA verification is not paid on every ARM request. Bounded:
/// when full, expired entries are dropped first and, if that is not enough, everything is (tokens
/// are simply verified again). Each entry remembers its `exp`, so expiry is still enforced on a hit.
final class VerifiedTokenCache: Sendable {
    struct Entry: Sendable {
        var caller: Caller
        var expiry: Int
    }

    let capacity: Int
    private let entries = Mutex<[Key: Entry]>([:])

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    func lookup(_ token: String) -> Entry? {
        entries.withLock { $0[Key(token)] }
    }

    func insert(_ token: String, _ entry: Entry, now: Int) {
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.expiry >= now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[Key(token)] = entry
        }
    }

    func remove(_ token: String) {
        _ = entries.withLock { $0.removeValue(forKey: Key(token)) }
    }

    var count: Int { entries.withLock { $0.count } }
}
