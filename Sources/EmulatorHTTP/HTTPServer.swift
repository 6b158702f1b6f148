import Glibc
import Synchronization

/// An HTTP/1.1 server (TLS optional, on the same port) on epoll event loops, one thread per loop.
///
/// How it works: one listening socket is watched by every loop (EPOLLEXCLUSIVE); the loop that
/// wakes accepts and hands sockets out round-robin. A connection lives on one loop; its handler
/// runs as a task whose executor is that loop, so parsing, handling and writing normally happen on
/// one thread with no hand-off (a handler that hops away comes back through the loop's inbox).
///
/// Response bodies are either complete (`HTTPResponse.body`, framed by Content-Length) or produced
/// while they are sent (`HTTPResponse.stream`: chunked, or close-delimited for HTTP/1.0).
///
/// Limitations: HTTP/1.1 only (no HTTP/2, no h2c upgrade, no CONNECT tunnelling); request bodies are
/// buffered whole (hence `maxBodyBytes`); trailer fields are discarded and none are sent;
/// connections over `maxConnections` are closed without a 503.
///
///     let server = HTTPServer(configuration: .init(port: 8443, tls: tls), handler: router)
///     let port = try server.start()
///     ...
///     server.shutdown(gracePeriod: 10)
package final class HTTPServer: Sendable {
    private struct Running: Sendable {
        var context: ServerContext
        var loops: [EventLoop]
        var threads: [LoopThread]
    }

    private enum State: Sendable {
        case idle
        case running(Running)
        case stopped
    }

    package let configuration: HTTPServerConfiguration
    private let handler: any HTTPHandler
    private let state = Mutex(State.idle)
    private let boundPort = Atomic<Int>(0)

    package init(configuration: HTTPServerConfiguration, handler: any HTTPHandler) {
        self.configuration = configuration
        self.handler = handler
    }

    /// The bound port once `start()` returned (stays readable after shutdown); 0 before.
    package var port: Int { boundPort.load(ordering: .acquiring) }

    /// Binds, listens and starts the event loop threads. Returns the bound port.
    /// Throws an `HTTPServerError` whose description says what went wrong (address in use, bad
    /// certificate, ...).
    @discardableResult
    package func start() throws -> Int {
        try state.withLock { state throws(HTTPServerError) -> Int in
            guard case .idle = state else {
                throw HTTPServerError(.alreadyStarted, "The HTTP server was already started; create a new HTTPServer to start again.")
            }
            try validate(configuration)
            // A peer that vanishes mid-write must be an error code, not a process kill. OpenSSL's
            // socket BIO writes with write(2), so MSG_NOSIGNAL alone is not enough.
            _ = signal(SIGPIPE, SIG_IGN)

            let tls: TLSContext?
            do {
                tls = try configuration.tls.map { try TLSContext(configuration: $0) }
            } catch let error as HTTPServerError {
                throw error
            } catch {
                throw HTTPServerError(.tls, "\(error)")
            }
            let listener: (fd: Int32, port: Int)
            do {
                listener = try Socket.makeListener(host: configuration.host, port: configuration.port)
            } catch let error as HTTPServerError {
                throw error
            } catch {
                throw HTTPServerError(.bind, "\(error)")
            }
            let context = ServerContext(configuration: configuration, handler: handler, tls: tls, listener: listener.fd)

            var loops: [EventLoop] = []
            do {
                for index in 0..<max(1, min(configuration.eventLoopCount, 256)) {
                    loops.append(try EventLoop(index: index, context: context))
                }
            } catch {
                for loop in loops { loop.discardUnstarted() }
                Socket.close(listener.fd)
                throw (error as? HTTPServerError) ?? HTTPServerError(.system, "\(error)")
            }
            for loop in loops {
                loop.siblings = loops
                loop.registerListener()
            }
            var threads: [LoopThread] = []
            for loop in loops {
                do {
                    threads.append(try LoopThread.spawn(name: "http-loop-\(loop.index)") { loop.run() })
                } catch {
                    // Unwind the loops already running, then report.
                    for started in loops.prefix(threads.count) { started.post(.shutdown(deadline: 0)) }
                    for thread in threads { thread.join() }
                    for unstarted in loops.dropFirst(threads.count) { unstarted.discardUnstarted() }
                    Socket.close(listener.fd)
                    throw (error as? HTTPServerError) ?? HTTPServerError(.system, "\(error)")
                }
            }
            state = .running(Running(context: context, loops: loops, threads: threads))
            boundPort.store(listener.port, ordering: .releasing)
            return listener.port
        }
    }

    /// Stops accepting, closes idle connections, lets in-flight requests finish and their responses
    /// be written (each with `Connection: close`) for up to `gracePeriod` seconds, then closes what
    /// is left and joins the loop threads. Idempotent; a no-op before `start()`. Called from a handler (a loop thread), it
    /// returns without waiting and the joins happen on a helper thread.
    package func shutdown(gracePeriod: Double = 10) {
        let running: Running? = state.withLock { state in
            guard case .running(let running) = state else { return nil }  // never started, or stopped
            state = .stopped
            return running
        }
        guard let running else { return }
        let deadline = MonotonicClock.now() + MonotonicClock.nanoseconds(gracePeriod)
        for loop in running.loops {
            loop.post(.shutdown(deadline: deadline))
        }
        let finish: @Sendable () -> Void = {
            for thread in running.threads { thread.join() }
            // Only now: every loop has dropped the listener from its epoll set.
            Socket.close(running.context.listener)
        }
        if running.threads.contains(where: \.isCurrent) {
            if let helper = try? LoopThread.spawn(name: "http-shutdown", finish) { helper.detach() }
        } else {
            finish()
        }
    }

    private func validate(_ configuration: HTTPServerConfiguration) throws(HTTPServerError) {
        func require(_ condition: Bool, _ message: String) throws(HTTPServerError) {
            if !condition { throw HTTPServerError(.invalidConfiguration, message) }
        }
        try require(!configuration.host.isEmpty, "The listen host is empty; use 127.0.0.1, 0.0.0.0, ::1 or ::.")
        try require(configuration.maxHeaderBytes >= 256, "maxHeaderBytes must be at least 256.")
        try require(configuration.maxRequestLineBytes >= 64, "maxRequestLineBytes must be at least 64.")
        try require(configuration.maxBodyBytes >= 0, "maxBodyBytes must not be negative.")
        try require(configuration.maxConnections >= 1, "maxConnections must be at least 1.")
        try require(configuration.eventLoopCount >= 1, "eventLoopCount must be at least 1.")
        for (name, value) in [
            ("headerTimeout", configuration.headerTimeout), ("bodyTimeout", configuration.bodyTimeout),
            ("idleTimeout", configuration.idleTimeout),
        ] {
            try require(value >= 0 && value.isFinite, "\(name) must be a non-negative number of seconds.")
        }
    }
}
