/// An ordered set of strings kept as a list of bounded sorted chunks (the "sorted list" layout of
/// Python's sortedcontainers). Finding a position is a binary search over the chunks' last keys
/// and then inside one chunk, O(log n); insert and remove move at most one chunk's worth of
/// elements; a range scan is O(log n + k). At 100,000 keys that is ~200 chunks.
struct SortedKeyList: Sendable {
    private static let maxChunk = 512
    private var chunks: [[String]] = []
    /// `lasts[i] == chunks[i].last!`, for the outer binary search.
    private var lasts: [String] = []
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// The first chunk whose last key is >= `key` (where `key` would go).
    private func chunkIndex(for key: String) -> Int {
        var low = 0
        var high = lasts.count
        while low < high {
            let middle = (low + high) / 2
            if lasts[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func lowerBound(_ key: String, in chunk: [String]) -> Int {
        var low = 0
        var high = chunk.count
        while low < high {
            let middle = (low + high) / 2
            if chunk[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func contains(_ key: String) -> Bool {
        let index = chunkIndex(for: key)
        guard index < chunks.count else { return false }
        let position = Self.lowerBound(key, in: chunks[index])
        return position < chunks[index].count && chunks[index][position] == key
    }

    /// Inserts `key`; false when it was already present.
    @discardableResult
    mutating func insert(_ key: String) -> Bool {
        guard !chunks.isEmpty else {
            chunks = [[key]]
            lasts = [key]
            count = 1
            return true
        }
        var index = chunkIndex(for: key)
        if index == chunks.count { index -= 1 }  // beyond every key: append to the last chunk
        let position = Self.lowerBound(key, in: chunks[index])
        if position < chunks[index].count && chunks[index][position] == key { return false }
        chunks[index].insert(key, at: position)
        lasts[index] = chunks[index][chunks[index].count - 1]
        count += 1
        if chunks[index].count > Self.maxChunk {
            let half = chunks[index].count / 2
            let upper = Array(chunks[index][half...])
            chunks[index].removeSubrange(half...)
            lasts[index] = chunks[index][chunks[index].count - 1]
            chunks.insert(upper, at: index + 1)
            lasts.insert(upper[upper.count - 1], at: index + 1)
        }
        return true
    }

    /// Removes `key`; false when it was absent.
    @discardableResult
    mutating func remove(_ key: String) -> Bool {
        let index = chunkIndex(for: key)
        guard index < chunks.count else { return false }
        let position = Self.lowerBound(key, in: chunks[index])
        guard position < chunks[index].count && chunks[index][position] == key else { return false }
        chunks[index].remove(at: position)
        count -= 1
        if chunks[index].isEmpty {
            chunks.remove(at: index)
            lasts.remove(at: index)
        } else {
            lasts[index] = chunks[index][chunks[index].count - 1]
        }
        return true
    }

    mutating func removeAll() {
        chunks = []
        lasts = []
        count = 0
    }

    /// Calls `body` with the keys in `[lower, upper)` (or `(lower, upper)` when `inclusive` is
    /// false) in ascending order, until it returns false.
    func forEach(from lower: String, inclusive: Bool = true, below upper: String?, _ body: (String) -> Bool) {
        var index = chunkIndex(for: lower)
        guard index < chunks.count else { return }
        var position = Self.lowerBound(lower, in: chunks[index])
        while index < chunks.count {
            let chunk = chunks[index]
            while position < chunk.count {
                let key = chunk[position]
                position += 1
                if !inclusive && key == lower { continue }
                if let upper, key >= upper { return }
                if !body(key) { return }
            }
            index += 1
            position = 0
        }
    }

    /// Every key in ascending order.
    var all: [String] { chunks.flatMap { $0 } }
}
