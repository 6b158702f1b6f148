import Synchronization

/// What all event loops of one server share: settings, the handler, TLS, the listening socket
/// and the server-wide counters.
final class ServerContext: Sendable {
    let configuration: HTTPServerConfiguration
    let handler: any HTTPHandler
    let tls: TLSContext?
    let listener: Int32
    let limits: HTTPRequestParser.Limits
    /// Open connections across all loops, against `maxConnections`.
    let connectionCount = Atomic<Int>(0)
    /// Round-robin cursor: accepted sockets are spread evenly over the loops.
    let nextLoop = Atomic<Int>(0)
    // Timeouts in monotonic nanoseconds (0: none).
    let headerTimeout: UInt64
    let bodyTimeout: UInt64
    let idleTimeout: UInt64
    /// Drain time after an error response (lingering close, RFC 9112 section 9.6).
    let lingerTimeout: UInt64 = 2_000_000_000
    /// How often each loop checks deadlines.
    let timerInterval: UInt64
    /// Bytes a connection may buffer (pipelined requests) while its handler runs.
    let maxBufferedWhileHandling: Int

    init(configuration: HTTPServerConfiguration, handler: any HTTPHandler, tls: TLSContext?, listener: Int32) {
        self.configuration = configuration
        self.handler = handler
        self.tls = tls
        self.listener = listener
        self.limits = HTTPRequestParser.Limits(
            maxHeaderBytes: configuration.maxHeaderBytes,
            maxRequestLineBytes: min(configuration.maxRequestLineBytes, configuration.maxHeaderBytes),
            maxBodyBytes: configuration.maxBodyBytes
        )
        headerTimeout = MonotonicClock.nanoseconds(configuration.headerTimeout)
        bodyTimeout = MonotonicClock.nanoseconds(configuration.bodyTimeout)
        idleTimeout = MonotonicClock.nanoseconds(configuration.idleTimeout)
        let positive: [UInt64] = [headerTimeout, bodyTimeout, idleTimeout].filter { $0 > 0 }
        let shortest: UInt64 = positive.min() ?? 1_000_000_000
        timerInterval = min(max(shortest / 8, 10_000_000), 250_000_000)
        maxBufferedWhileHandling = max(64 * 1024, configuration.maxHeaderBytes)
    }
}
