/// The link between one streamed response's producer task and its connection. The producer may
/// run anywhere; every write hops onto the connection's loop (`EventLoop.post`, inline when already
/// there) and is resumed from the loop. `connection` and `task` are touched only on the loop thread
/// (hence `@unchecked Sendable`); `connection` is cleared when the stream ends or the connection
/// closes, so a writer kept past its stream neither retains the connection nor writes into the
/// next response on it.
final class ConnectionBodySink: HTTPBodySink, @unchecked Sendable {
    let loop: EventLoop
    /// Loop-confined: the connection while this stream is its current one.
    var connection: Connection?
    /// Loop-confined: the producer, cancelled when the connection closes under it.
    var task: Task<Void, Never>?

    init(loop: EventLoop, connection: Connection) {
        self.loop = loop
        self.connection = connection
    }

    func write(_ bytes: [UInt8]) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            loop.post(.streamWrite(self, bytes, continuation))
        }
    }

    /// On the loop: passes a write to the connection, or fails it when the stream is over.
    func deliver(_ bytes: [UInt8], _ continuation: CheckedContinuation<Void, any Error>) {
        if let connection {
            connection.streamWrite(bytes, from: self, continuation)
        } else {
            continuation.resume(throwing: HTTPBodyWriter.ClientGone())
        }
    }

    /// On the loop: the producer returned (or threw).
    func finish(failed: Bool) {
        guard let connection else { return }
        connection.streamEnded(from: self, failed: failed)
    }

    /// On the loop: the connection is done with this stream.
    func detach() {
        connection = nil
        task = nil
    }
}
