import Glibc
import Synchronization

/// Where an exchange's I/O thread hands the response over to its one consumer, one piece at a
/// time: the thread puts a piece and waits until the consumer has taken it before it reads the
/// socket again, so a consumer that stops reading stops the transfer (TCP's window then stops the
/// server) instead of filling memory. `wake` is how the consumer wakes the thread (a piece taken,
/// the transfer cancelled).
final class HTTPClientMailbox: Sendable {
    enum Piece: Sendable {
        case head(HTTPClientResponseHead)
        case body([UInt8])
    }

    private struct State {
        var slot: Piece?
        /// nil while the exchange runs; then success, or the error the consumer gets.
        var outcome: Result<Void, any Error>?
        var waiter: CheckedContinuation<Void, Never>?
        var maximumBufferedBytes = 0
    }

    private let state = Mutex(State())
    /// Socket bytes the thread has read (head and framing included).
    private let received = Atomic<Int>(0)
    let wake: EventFD

    init() throws(HTTPClientError) {
        do {
            wake = try EventFD()
        } catch {
            throw HTTPClientError(.system, (error as? HTTPServerError)?.message ?? "Cannot create an eventfd.")
        }
    }

    deinit { wake.close() }

    // MARK: The consumer's side

    /// The next piece; nil once the response is complete. Throws what ended the exchange otherwise.
    func take() async throws -> Piece? {
        while true {
            let ready: Result<Piece?, any Error>? = state.withLock { state in
                if let piece = state.slot {
                    state.slot = nil
                    return .success(piece)
                }
                switch state.outcome {
                case .success: return .success(nil)
                case .failure(let error): return .failure(error)
                case nil: return nil
                }
            }
            if let ready {
                if case .success(.some) = ready { wake.signal() }
                return try ready.get()
            }
            await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
                let wakeNow = state.withLock { state in
                    if state.slot != nil || state.outcome != nil { return true }
                    state.waiter = waiter
                    return false
                }
                if wakeNow { waiter.resume() }
            }
        }
    }

    /// Ends the exchange with `error`: drops the piece waiting, wakes the consumer and the thread
    /// (which closes the socket). Does nothing once the exchange has ended.
    func cancel(_ error: any Error) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.outcome == nil else { return nil }
            state.outcome = .failure(error)
            state.slot = nil
            defer { state.waiter = nil }
            return state.waiter
        }
        wake.signal()
        waiter?.resume()
    }

    /// The most body bytes ever handed over and not yet taken.
    var maximumBufferedBytes: Int { state.withLock { $0.maximumBufferedBytes } }

    var bytesReceived: Int { received.load(ordering: .relaxed) }

    // MARK: The I/O thread's side

    var isCancelled: Bool { state.withLock { $0.outcome != nil } }

    func count(received bytes: Int) {
        received.add(bytes, ordering: .relaxed)
    }

    /// Hands `piece` to the consumer and blocks until it is taken. Throws `cancelled` when the
    /// consumer cancelled meanwhile.
    func deliver(_ piece: Piece) throws(HTTPClientError) {
        let (accepted, waiter) = state.withLock { state -> (Bool, CheckedContinuation<Void, Never>?) in
            guard state.outcome == nil else { return (false, nil) }
            state.slot = piece
            if case .body(let bytes) = piece { state.maximumBufferedBytes = max(state.maximumBufferedBytes, bytes.count) }
            defer { state.waiter = nil }
            return (true, state.waiter)
        }
        guard accepted else { throw .cancelled }
        waiter?.resume()
        while true {
            let (taken, cancelled) = state.withLock { ($0.slot == nil, $0.outcome != nil) }
            if cancelled { throw .cancelled }
            if taken { return }
            // The eventfd is a counter: a signal sent between the check above and this wait is kept.
            var descriptor = pollfd(fd: wake.fd, events: Int16(POLLIN), revents: 0)
            _ = poll(&descriptor, 1, -1)
            wake.drain()
        }
    }

    /// The exchange's end, seen by the consumer after the last piece.
    func finish(_ outcome: Result<Void, any Error>) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.outcome == nil else { return nil }
            state.outcome = outcome
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }
}
