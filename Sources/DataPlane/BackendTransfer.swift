import Foundation
import Synchronization

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP exchange with the model backend, read as it arrives: the response head, then the body
/// in the pieces libcurl hands over. swift-corelibs-foundation has no `URLSession.bytes(for:)`
/// (and `data(for:)` only answers once the body is complete), so a `URLSessionDataDelegate` feeds a
/// small queue that one consumer drains with `next()`.
///
/// Each transfer has its own session (the delegate is per session in corelibs), invalidated as
/// soon as the task is started so it lets go of the delegate when the task completes.
final class BackendTransfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    enum Piece: Sendable {
        case head(HTTPURLResponse)
        case data(Data)
    }

    private struct State {
        var queue: [Piece] = []
        /// nil while the exchange runs; then success, or the error `next()` rethrows.
        var outcome: Result<Void, any Error>?
        var waiter: CheckedContinuation<Void, Never>?
        var task: URLSessionDataTask?
    }

    // @unchecked Sendable: every mutable member lives behind this lock.
    private let state = Mutex(State())

    /// Starts `request`. `idleSeconds` is libcurl's limit on a silent connection (URLSession's
    /// request timeout is an inactivity timeout); the caller's overall deadline is separate (`fail`).
    static func start(_ request: URLRequest, idleSeconds: Double) -> BackendTransfer {
        let transfer = BackendTransfer()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = idleSeconds
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let session = URLSession(configuration: configuration, delegate: transfer, delegateQueue: nil)
        let task = session.dataTask(with: request)
        transfer.state.withLock { $0.task = task }
        task.resume()
        session.finishTasksAndInvalidate()
        return transfer
    }

    /// The next piece; nil once the body is complete. Throws what ended the exchange otherwise.
    func next() async throws -> Piece? {
        while true {
            let ready: Result<Piece?, any Error>? = state.withLock { state in
                if !state.queue.isEmpty { return .success(state.queue.removeFirst()) }
                switch state.outcome {
                case .success: return .success(nil)
                case .failure(let error): return .failure(error)
                case nil: return nil
                }
            }
            if let ready { return try ready.get() }
            await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
                let wakeNow = state.withLock { state in
                    if !state.queue.isEmpty || state.outcome != nil { return true }
                    state.waiter = waiter
                    return false
                }
                if wakeNow { waiter.resume() }
            }
        }
    }

    /// Ends the exchange with `error` (a deadline passed, the client left): drops what is queued,
    /// cancels the task and wakes the reader. Does nothing once the exchange has ended.
    func fail(_ error: any Error) {
        let (task, waiter) = state.withLock { state -> (URLSessionDataTask?, CheckedContinuation<Void, Never>?) in
            guard state.outcome == nil else { return (nil, nil) }
            state.outcome = .failure(error)
            state.queue.removeAll()
            defer { state.waiter = nil }
            return (state.task, state.waiter)
        }
        task?.cancel()
        waiter?.resume()
    }

    private func deliver(_ change: (inout State) -> Void) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.outcome == nil else { return nil }
            change(&state)
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    // MARK: URLSessionDataDelegate

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        if let http = response as? HTTPURLResponse {
            deliver { $0.queue.append(.head(http)) }
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        deliver { $0.queue.append(.data(data)) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        deliver { state in
            state.outcome = error.map { .failure($0) } ?? .success(())
            state.task = nil
        }
    }
}
