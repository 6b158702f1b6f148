/// Requests in, responses out: parsing, handler dispatch, error responses.
extension Connection {
    private static let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Parses buffered input until a request is complete (and dispatched), more bytes are needed,
    /// or the request is refused.
    func process() {
        while phase == .receiving && !awaitingNextRequest {
            if input.isEmpty && parser.isAtMessageStart {
                if peerClosed { close() }
                return
            }
            let (consumed, event) = input.withReadableBytes { parser.parse($0) }
            input.consume(consumed)
            switch event {
            case .needMore:
                // The first byte of a request ends the idle period and starts the header clock.
                if deadlineKind == .idle && !parser.isAtMessageStart {
                    setDeadline(.header, loop.context.headerTimeout)
                }
                if peerClosed { close() }
                return
            case .head:
                setDeadline(.body, loop.context.bodyTimeout)
                // RFC 9110 section 10.1.1: invite the content; needless if some of it is already here.
                if parser.head?.expectsContinue == true && input.isEmpty {
                    output.append(contentsOf: Self.continueLine)
                    flush()
                }
            case .complete:
                dispatch(parser.takeMessage())
                return
            case .failure(let error):
                fail(error)
                return
            }
        }
    }

    private func dispatch(_ message: (head: HTTPRequestHead, body: [UInt8])) {
        let head = message.head
        phase = .handling
        deadline = 0
        exchange = HTTPResponseEncoder.Exchange(isHead: head.isHead, keepAlive: head.keepAlive, minorVersion: head.minorVersion)
        let request = HTTPRequest(
            method: head.method,
            target: head.target,
            headers: head.headers,
            body: message.body,
            isTLS: isTLS,
            remoteAddress: peer.address,
            isFromLoopback: peer.isLoopback
        )
        let handler = loop.context.handler
        let loop = self.loop
        Task(executorPreference: loop) { [self] in
            let response = await handler.handle(request)
            loop.deliver(response, to: self)
        }
    }

    /// Queues the handler's response and writes what the socket takes.
    func respond(_ response: HTTPResponse) {
        guard phase == .handling else { return }  // closed meanwhile (peer gone, shutdown deadline)
        if loop.draining || HTTPResponseEncoder.requestsClose(response) {
            exchange.keepAlive = false
        }
        let framing = response.stream.map { _ in HTTPResponseEncoder.streamFraming(status: response.status, for: exchange) }
        if framing == .untilClose { exchange.keepAlive = false }
        HTTPResponseEncoder.encode(response, for: exchange, date: loop.date.current(), into: &output)
        if let body = response.stream, let framing, framing != .noContent {
            startStream(body, framing: framing)
            return
        }
        if exchange.keepAlive {
            phase = .receiving
            awaitingNextRequest = true
        } else {
            phase = .closing
            lingerAfterFlush = !input.isEmpty
        }
        if !flushQueued {
            flushQueued = true
            loop.flushAfterJobs(self)
        }
    }

    /// The flush `respond` left to the end of the loop's turn (`EventLoop.flushAfterJobs`). Nothing
    /// to do when the connection closed meanwhile, or when a writable event flushed it already
    /// (that flush went on as a drained output goes on: to the next request, or to the close).
    func flushScheduled() {
        flushQueued = false
        guard phase != .closed, outputOffset < output.count else { return }
        flush()
    }

    /// Answers a protocol error through the configured responder and closes: after a framing
    /// error nothing that follows can be trusted (RFC 9112 section 9.6, swift-nio does the same).
    func fail(_ error: HTTPProtocolError) {
        switch transport {
        case .plain, .tls: break
        case .undecided, .handshaking:
            close()
            return
        }
        let response = loop.context.configuration.protocolErrorResponder(error)
        HTTPResponseEncoder.encode(
            response, for: HTTPResponseEncoder.Exchange(isHead: false, keepAlive: false, minorVersion: 1),
            date: loop.date.current(), into: &output)
        phase = .closing
        lingerAfterFlush = true
        input.removeAll()
        setDeadline(.write, loop.context.idleTimeout)
        flush()
    }
}
