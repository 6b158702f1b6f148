/// Streamed response bodies (`HTTPBodyStream`). The head goes out first; the producer runs on its
/// own task (preferring this loop), and each write hops onto the loop and becomes one chunk
/// (RFC 9112 section 7.1) or, for HTTP/1.0, raw bytes that the close delimits (RFC 9112 section 6.3). A write
/// returns only while less than `HTTPBodyWriter.backpressureBound` is unsent, so a slow reader
/// slows the producer down instead of filling memory; one that stops reading meets the write
/// deadline. The next pipelined request is parsed only after the stream ended.
extension Connection {
    /// After the head was queued: start the producer and send the head right away, so the client
    /// sees the status before the first event.
    func startStream(_ body: HTTPBodyStream, framing: HTTPResponseEncoder.StreamFraming) {
        phase = .streaming
        streamFraming = framing
        let sink = ConnectionBodySink(loop: loop, connection: self)
        stream = sink
        let writer = HTTPBodyWriter(sink: sink)
        let loop = self.loop
        sink.task = Task(executorPreference: loop) {
            let failed: Bool
            do {
                try await body.produce(writer)
                failed = false
            } catch {
                failed = true
            }
            loop.post(.streamEnded(sink, failed: failed))
        }
        flush()
    }

    /// One `HTTPBodyWriter.write`, on the loop. The continuation is resumed once the output has
    /// room, or with `ClientGone` when the connection closes first.
    func streamWrite(_ bytes: [UInt8], from sink: ConnectionBodySink, _ continuation: CheckedContinuation<Void, any Error>) {
        guard phase == .streaming, stream === sink else {
            continuation.resume(throwing: HTTPBodyWriter.ClientGone())
            return
        }
        guard !bytes.isEmpty else {
            continuation.resume()  // a zero-size chunk would be the last chunk
            return
        }
        // Drop what was sent before appending: a long stream must not grow the buffer without end.
        if outputOffset > 0 {
            output.removeFirst(outputOffset)
            outputOffset = 0
        }
        switch streamFraming {
        case .chunked: HTTPResponseEncoder.appendChunk(bytes, to: &output)
        case .untilClose, .noContent: output.append(contentsOf: bytes)
        }
        streamWaiters.append(continuation)
        if writeBlocked || writeWantsRead {
            // Waiting for the socket already: retrying now would only reset the write deadline.
            resumeStreamWriterIfRoom()
        } else {
            flush()  // drains (resumes), blocks (resumes if room) or fails (closes: ClientGone)
        }
    }

    /// The producer returned (`failed == false`) or threw, on the loop.
    func streamEnded(from sink: ConnectionBodySink, failed: Bool) {
        guard phase == .streaming, stream === sink else { return }
        stream = nil
        sink.detach()
        failStreamWriters()  // writes the producer left running on other tasks
        if failed {
            // The head is out, so no error response is possible. Closing without the last chunk
            // leaves the client an incomplete chunked body, which it must not take for a whole one
            // (RFC 9112 section 7.1, section 8).
            phase = .closing
            lingerAfterFlush = !input.isEmpty
            flush()
            return
        }
        if streamFraming == .chunked {
            output.append(contentsOf: HTTPResponseEncoder.lastChunk)
        }
        if streamFraming == .chunked && exchange.keepAlive && !loop.draining {
            phase = .receiving
            awaitingNextRequest = true
        } else {
            phase = .closing
            lingerAfterFlush = !input.isEmpty
        }
        flush()
    }

    /// Resumes waiting writes once less than the bound is unsent.
    func resumeStreamWriterIfRoom() {
        guard !streamWaiters.isEmpty, output.count - outputOffset < HTTPBodyWriter.backpressureBound else { return }
        let waiters = streamWaiters
        streamWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    /// From `close()`: the producer's pending and later writes throw `ClientGone`, and its task is
    /// cancelled so it can stop waiting on anything else too.
    func abandonStream() {
        if let sink = stream {
            stream = nil
            sink.task?.cancel()
            sink.detach()
        }
        failStreamWriters()
    }

    private func failStreamWriters() {
        guard !streamWaiters.isEmpty else { return }
        let waiters = streamWaiters
        streamWaiters = []
        for waiter in waiters { waiter.resume(throwing: HTTPBodyWriter.ClientGone()) }
    }
}
