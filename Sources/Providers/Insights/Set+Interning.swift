extension Set<String> {
    /// The set's copy of `name`, added when missing: repeated names of the activity log (subscription
    /// ids, namespaces, types, actions, callers, tenants, client addresses) as one shared string each.
    /// Short names live inside the String value itself: nothing to share. Starts over when full, as
    /// `RecordedOperation.claimsByToken` does.
    mutating func interned(_ name: String) -> String {
        guard name.utf8.count > 15 else { return name }
        if let shared = firstIndex(of: name) { return self[shared] }
        if count >= 4096 { removeAll() }
        insert(name)
        return name
    }
}
