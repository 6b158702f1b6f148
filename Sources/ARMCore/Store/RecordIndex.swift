/// The store's records by key, in 64 dictionaries chosen by a hash of the key's end. A dictionary
/// that grows past a power of two rehashes every entry at once, under the store's lock: at 98,304
/// resources that stopped every write for 60 ms, at 786,432 for most of a second, and the writes
/// queued behind it made the PUT benchmark's p99 (docs/performance.md "Compact storage and the PUT tail"). Split in 64,
/// each rehash moves a 64th of the entries, and the shards reach their powers of two at
/// different times.
struct RecordIndex {
    private static let shardCount = 64
    private var shards = [[String: CompactResource]](repeating: [:], count: RecordIndex.shardCount)
    private(set) var count = 0

    /// FNV-1a over the key's last 16 bytes: ids differ at their end (the names), and hashing the
    /// whole key again on top of the dictionary's own hash would cost twice.
    private static func shard(of key: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in key.utf8.suffix(16) { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(shardCount))
    }

    subscript(key: String) -> CompactResource? { shards[Self.shard(of: key)][key] }

    /// Sets the record of `key`; answers the one it replaced.
    @discardableResult
    mutating func updateValue(_ record: CompactResource, forKey key: String) -> CompactResource? {
        let replaced = shards[Self.shard(of: key)].updateValue(record, forKey: key)
        if replaced == nil { count += 1 }
        return replaced
    }

    mutating func removeValue(forKey key: String) -> CompactResource? {
        let removed = shards[Self.shard(of: key)].removeValue(forKey: key)
        if removed != nil { count -= 1 }
        return removed
    }
}
