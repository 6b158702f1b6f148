import ARMCore

/// `AccessEvaluator`'s resolved grants by lower-case principal id, each with the key it was built
/// under: the store revisions of role assignments and role definitions and the principal's groups.
/// A lookup under any other key misses, so a new, changed or deleted assignment or custom role, or
/// a changed group membership, is seen by the next request.
struct GrantCache {
    struct Key: Equatable {
        let assignments: ResourceStore.Revision
        let definitions: ResourceStore.Revision
        let groups: [String]
    }

    /// Entries kept at most; beyond, the cache starts over (principals come from tokens the emulator
    /// issued, so this is a bound on memory, not a working-set size).
    static let capacity = 4096

    private var entries: [String: (key: Key, grants: [Grant])] = [:]

    func grants(of principal: String, key: Key) -> [Grant]? {
        guard let entry = entries[principal], entry.key == key else { return nil }
        return entry.grants
    }

    mutating func store(_ grants: [Grant], of principal: String, key: Key) {
        if entries.count >= Self.capacity, entries[principal] == nil { entries.removeAll() }
        entries[principal] = (key, grants)
    }
}
