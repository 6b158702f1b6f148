import ARMCore
import Synchronization

/// Tokens already verified, so that an RSA verification is not paid on every ARM request. Bounded:
/// when full, expired entries are dropped first and, if that is not enough, everything is (tokens
/// are simply verified again). Each entry remembers its `exp`, so expiry is still enforced on a hit.
final class VerifiedTokenCache: Sendable {
    struct Entry: Sendable {
        /// The caller, boxed once: every hit hands the same box on to the request.
        var box: CallerBox
        var expiry: Int

        init(caller: Caller, expiry: Int) {
            self.box = CallerBox(caller)
            self.expiry = expiry
        }

        var caller: Caller { box.caller }
    }

    let capacity: Int
    private let entries = Mutex<[Key: Entry]>([:])

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    func lookup(_ token: String) -> Entry? { lookup(Substring(token)) }

    /// On the token as it sits in the request's `Authorization` header, without copying it out.
    func lookup(_ token: Substring) -> Entry? {
        entries.withLock { $0[Key(token)] }
    }

    func insert(_ token: String, _ entry: Entry, now: Int) { insert(Substring(token), entry, now: now) }

    func insert(_ token: Substring, _ entry: Entry, now: Int) {
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.expiry >= now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[Key(token)] = entry
        }
    }

    func remove(_ token: String) { remove(Substring(token)) }

    func remove(_ token: Substring) {
        _ = entries.withLock { $0.removeValue(forKey: Key(token)) }
    }

    var count: Int { entries.withLock { $0.count } }
}
