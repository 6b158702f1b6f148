/// Hands produced bytes to the connection (or to `HTTPResponse.collected()`'s buffer).
package final class HTTPBodyWriter: Sendable {
    /// The connection is gone (peer closed or reset, write deadline, server shutdown) or the stream
    /// already ended: nobody will read what is written, so the producer should stop.
    package struct ClientGone: Error {
        package init() {}
    }

    /// Bytes a connection may hold unsent before `write` suspends.
    static let backpressureBound = 64 * 1024

    private let sink: any HTTPBodySink

    init(sink: any HTTPBodySink) {
        self.sink = sink
    }

    /// Queues `bytes` as one chunk and returns once the connection has fewer than
    /// `backpressureBound` (64 KiB) unsent bytes, so a slow reader slows the producer instead of
    /// filling memory. An empty write sends nothing (an empty chunk would end the body) but still
    /// throws when the client is gone. Throws `ClientGone` when the connection closed.
    package func write(_ bytes: [UInt8]) async throws {
        try await sink.write(bytes)
    }
}
