import Synchronization

@testable import EmulatorHTTP

/// Keeps each write of a streamed body separately, so a test can see how the body was cut; after
/// `failAfter` writes it answers `ClientGone`, as a connection whose client left.
final class RecordingBodySink: HTTPBodySink {
    private let recorded = Mutex<[[UInt8]]>([])
    let failAfter: Int?

    init(failAfter: Int? = nil) {
        self.failAfter = failAfter
    }

    var writes: [String] { recorded.withLock { $0.map { String(decoding: $0, as: UTF8.self) } } }

    func write(_ bytes: [UInt8]) async throws {
        let count = recorded.withLock { $0.count }
        if let failAfter, count >= failAfter { throw HTTPBodyWriter.ClientGone() }
        recorded.withLock { $0.append(bytes) }
    }

    /// Runs `stream` into this sink; rethrows what the producer threw.
    func run(_ stream: HTTPBodyStream) async throws {
        try await stream.produce(HTTPBodyWriter(sink: self))
    }
}
