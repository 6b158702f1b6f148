import EmulatorHTTP
import Glibc
import Synchronization

/// What a test's stream producer did, as seen from the test thread.
final class StreamLog: Sendable {
    private struct State {
        var started = false
        var writes = 0
        var finished = false
        var failure: String?
        var sawClientGone = false
    }

    private let state = Mutex(State())

    var started: Bool { state.withLock { $0.started } }
    var writes: Int { state.withLock { $0.writes } }
    var finished: Bool { state.withLock { $0.finished } }
    var failure: String? { state.withLock { $0.failure } }
    var sawClientGone: Bool { state.withLock { $0.sawClientGone } }

    func start() {
        state.withLock { $0.started = true }
    }

    /// Writes `bytes` and counts the write once it returned.
    func write(_ bytes: [UInt8], to writer: HTTPBodyWriter) async throws {
        try await writer.write(bytes)
        state.withLock { $0.writes += 1 }
    }

    func finish(_ error: (any Error)? = nil) {
        state.withLock { state in
            state.finished = true
            if let error {
                state.failure = String(describing: type(of: error))
                state.sawClientGone = error is HTTPBodyWriter.ClientGone
            }
        }
    }

    /// Polls until `condition` holds (or `timeout` seconds pass); true when it held.
    func waitUntil(timeout: Double = 10, _ condition: (StreamLog) -> Bool) -> Bool {
        for _ in 0..<Int(timeout * 100) {
            if condition(self) { return true }
            usleep(10_000)
        }
        return condition(self)
    }

    /// Polls until the write count stops moving for `quietPolls` polls in a row (or 20 s pass);
    /// returns the count it settled at.
    func settledWrites(quietPolls: Int = 20) -> Int {
        var last = writes
        var quiet = 0
        for _ in 0..<400 where quiet < quietPolls {
            usleep(50_000)
            let now = writes
            quiet = now == last ? quiet + 1 : 0
            last = now
        }
        return last
    }
}
