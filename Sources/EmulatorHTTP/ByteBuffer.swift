/// Received bytes not yet consumed by the parser: an array plus a read index, compacted lazily so
/// that consuming from the front is O(1).
struct ByteBuffer {
    private var storage: [UInt8] = []
    private var readerIndex = 0

    var readableCount: Int { storage.count - readerIndex }
    var isEmpty: Bool { readerIndex == storage.count }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if readerIndex > 0 && readerIndex == storage.count {
            storage.removeAll(keepingCapacity: true)
            readerIndex = 0
        }
        storage.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    mutating func consume(_ count: Int) {
        readerIndex += count
        if readerIndex == storage.count {
            storage.removeAll(keepingCapacity: storage.capacity <= 64 * 1024)
            readerIndex = 0
        } else if readerIndex >= 16 * 1024 && readerIndex * 2 >= storage.count {
            storage.removeFirst(readerIndex)
            readerIndex = 0
        }
    }

    mutating func removeAll() {
        storage = []
        readerIndex = 0
    }

    func withReadableBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        storage.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[readerIndex...]))
        }
    }
}
