/// Repeated names of the activity log (subscription ids, namespaces, types, actions, callers,
/// tenants, client addresses, base URLs) as one shared string each. Short names live inside the
/// String value itself: nothing to share. Starts over when full, as `RecordedOperation.claimsByToken`
/// does.
struct InternedNames {
    private static let capacity = 4096
    /// How many of the last names handed out are compared before the set is asked.
    private static let recentCount = 8

    private var names: Set<String> = []
    /// The last names handed out: an operation's names are mostly those of the operation before it
    /// (one client writing in one subscription), and comparing with them costs a length check and a
    /// `memcmp` where the set hashes the whole name (hashing was 2% of a PUT's instructions,
    /// callgrind).
    private var recent: [String] = []
    private var nextRecent = 0

    /// How many names the table keeps.
    var count: Int { names.count }

    /// The shared copy of `name`, added when missing.
    mutating func interned(_ name: String) -> String {
        let length = name.utf8.count
        guard length > 15 else { return name }
        for candidate in recent where candidate.utf8.count == length && candidate == name { return candidate }
        let shared: String
        if let index = names.firstIndex(of: name) {
            shared = names[index]
        } else {
            if names.count >= Self.capacity { names.removeAll() }
            names.insert(name)
            shared = name
        }
        if recent.count < Self.recentCount {
            recent.append(shared)
        } else {
            recent[nextRecent] = shared
            nextRecent = (nextRecent + 1) % Self.recentCount
        }
        return shared
    }
}
