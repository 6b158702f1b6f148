/// One accepted socket. Confined to its event loop's thread (the `@unchecked Sendable` is for
/// handler tasks, which only pass it back to `EventLoop.deliver`). Plain or TLS is decided by
/// the first byte; one request is in flight at a time, so responses leave in request order.
final class Connection: @unchecked Sendable {
    enum Phase {
        /// Reading (and parsing) the next request.
        case receiving
        /// The handler is running.
        case handling
        /// The response head is out and a producer task writes the body (`HTTPBodyStream`).
        case streaming
        /// Writing the last response; then close.
        case closing
        /// Write side shut, discarding what the peer still sends so our last response is not
        /// destroyed by a reset (RFC 9112 section 9.6).
        case lingering
        case closed
    }

    enum Transport {
        case undecided
        case plain
        case handshaking(TLSSession)
        case tls(TLSSession)
    }

    enum DeadlineKind {
        case header
        case body
        case idle
        case write
        case linger
    }

    let loop: EventLoop
    let fd: Int32
    let token: UInt64
    let peer: Socket.Peer

    var transport = Transport.undecided
    var phase = Phase.receiving
    var parser: HTTPRequestParser
    var input = ByteBuffer()
    var output: [UInt8] = []
    var outputOffset = 0
    /// The epoll events currently registered.
    var interest = Epoll.readable
    /// Monotonic nanoseconds; 0 when no deadline applies (a handler is running).
    var deadline: UInt64 = 0
    var deadlineKind = DeadlineKind.header
    var peerClosed = false
    /// Too much pipelined input buffered while a handler runs: stop reading until it answers.
    var readingPaused = false
    /// The socket is full: wait for EPOLLOUT.
    var writeBlocked = false
    /// TLS: SSL_write needs the socket readable first (and SSL_read writable).
    var writeWantsRead = false
    var readWantsWrite = false
    var handshakeWants = IOInterest.read
    /// The request being answered.
    var exchange = HTTPResponseEncoder.Exchange()
    /// A response is queued; once it is written, the next request may be parsed.
    var awaitingNextRequest = false
    /// After the last write, shut down and drain instead of closing at once.
    var lingerAfterFlush = false
    /// A response is queued and the loop flushes it after this turn's handlers (`respond`).
    var flushQueued = false
    /// The streamed body being written (phase `.streaming`), how it is delimited, and the
    /// producer's writes waiting for the unsent output to shrink (backpressure).
    var stream: ConnectionBodySink?
    var streamFraming = HTTPResponseEncoder.StreamFraming.chunked
    var streamWaiters: [CheckedContinuation<Void, any Error>] = []

    init(loop: EventLoop, fd: Int32, token: UInt64, peer: Socket.Peer) {
        self.loop = loop
        self.fd = fd
        self.token = token
        self.peer = peer
        self.parser = HTTPRequestParser(limits: loop.context.limits)
    }

    /// The header timeout also covers the TLS handshake and a client that never sends a byte.
    func start() {
        setDeadline(.header, loop.context.headerTimeout)
    }

    var isTLS: Bool {
        if case .tls = transport { return true }
        return false
    }

    /// Nothing in flight: no request started, no response pending. Shutdown closes these at once.
    var isIdle: Bool {
        switch phase {
        case .receiving: !awaitingNextRequest && input.isEmpty && parser.isAtMessageStart
        case .lingering: true
        case .handling, .streaming, .closing, .closed: false
        }
    }

    func setDeadline(_ kind: DeadlineKind, _ nanoseconds: UInt64) {
        deadlineKind = kind
        deadline = nanoseconds == 0 ? 0 : loop.now + nanoseconds
    }

    func deadlineExpired() {
        switch deadlineKind {
        case .header:
            // Slowloris: a request that started gets a 408 (RFC 9110 section 15.5.9); silence gets silence.
            if !input.isEmpty || !parser.isAtMessageStart {
                fail(.requestTimeout)
            } else {
                close()
            }
        case .body:
            fail(.requestTimeout)
        case .idle, .write, .linger:
            close()
        }
    }

    /// Closes the socket now (no more reads or writes) and leaves the loop's table.
    func close() {
        guard phase != .closed else { return }
        phase = .closed
        switch transport {
        case .handshaking(let session), .tls(let session): session.free()
        case .undecided, .plain: break
        }
        transport = .undecided
        Socket.close(fd)
        input.removeAll()
        output = []
        outputOffset = 0
        deadline = 0
        abandonStream()
        loop.connectionClosed(self)
    }
}
