import Synchronization

/// Buffers everything written, for `HTTPResponse.collected()`. Never pushes back, never throws.
final class CollectingBodySink: HTTPBodySink {
    private let buffer = Mutex<[UInt8]>([])

    var bytes: [UInt8] { buffer.withLock { $0 } }

    func write(_ bytes: [UInt8]) async throws {
        buffer.withLock { $0.append(contentsOf: bytes) }
    }
}
