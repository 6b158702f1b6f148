/// Readiness handling: sniffing, the TLS handshake, reads, writes and epoll interest.
extension Connection {
    func handle(events: UInt32) {
        if events & Epoll.hangup != 0 && events & Epoll.readable == 0 {
            close()  // reset or both directions shut: nobody to answer
            return
        }
        if events & Epoll.writable != 0 {
            onWritable()
        }
        if phase != .closed && events & (Epoll.readable | Epoll.hangup) != 0 {
            onReadable()
        }
    }

    private func onReadable() {
        switch transport {
        case .undecided:
            sniff()
        case .handshaking(let session):
            continueHandshake(session)
        case .plain, .tls:
            if writeWantsRead {
                writeWantsRead = false
                flush()
                if phase == .closed { return }
            }
            readAvailable()
        }
    }

    private func onWritable() {
        switch transport {
        case .handshaking(let session):
            continueHandshake(session)
        default:
            if readWantsWrite {
                readWantsWrite = false
                readAvailable()
                if phase == .closed { return }
            }
            if writeBlocked {
                writeBlocked = false
                flush()
            } else {
                updateInterest()
            }
        }
    }

    /// TLS and plain HTTP share the port: a TLS connection starts with a handshake record
    /// (content type 22 = 0x16, RFC 8446 section 5.1); no HTTP method starts with that byte.
    private func sniff() {
        switch Socket.peekByte(fd) {
        case .wouldBlock:
            return
        case .closed:
            close()
        case .byte(let first):
            if first == 0x16, let tls = loop.context.tls {
                guard let session = tls.makeSession(socket: fd) else {
                    close()
                    return
                }
                transport = .handshaking(session)
                continueHandshake(session)
            } else {
                transport = .plain
                readAvailable()
            }
        }
    }

    private func continueHandshake(_ session: TLSSession) {
        switch session.handshake() {
        case .transferred:
            transport = .tls(session)
            updateInterest()
            readAvailable()  // the client's first request may already sit in OpenSSL's buffer
        case .wouldBlock(let wanted):
            handshakeWants = wanted
            updateInterest()
        case .closed, .failed:
            close()  // a failed handshake closes quietly
        }
    }

    /// Reads until the socket (or OpenSSL's buffer) is empty, feeding the parser.
    func readAvailable() {
        reading: while phase != .closed && !peerClosed {
            if (phase == .handling || phase == .streaming) && input.readableCount >= loop.context.maxBufferedWhileHandling {
                readingPaused = true
                break
            }
            let buffer = loop.scratch
            let result: IOResult
            switch transport {
            case .tls(let session) where phase != .lingering:
                result = session.read(into: buffer)
            default:
                result = Socket.receive(fd, into: buffer)
            }
            switch result {
            case .transferred(let count):
                ingest(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                // A short plain read emptied the socket; TLS may still hold decrypted records.
                if case .plain = transport, count < buffer.count { break reading }
            case .wouldBlock(let wanted):
                if wanted == .write { readWantsWrite = true }
                break reading
            case .closed:
                peerDidClose()
                break reading
            case .failed:
                close()
                return
            }
        }
        updateInterest()
    }

    private func ingest(_ bytes: UnsafeRawBufferPointer) {
        switch phase {
        case .receiving:
            input.append(bytes)
            process()
        case .handling, .streaming:
            input.append(bytes)  // pipelined: parsed once the current response is queued (or streamed)
        case .closing, .lingering, .closed:
            break
        }
    }

    private func peerDidClose() {
        peerClosed = true
        switch phase {
        case .receiving:
            // Anything complete was dispatched already: what is left can never finish.
            if !awaitingNextRequest { close() }
        case .lingering:
            close()
        case .streaming:
            // An event stream's client has nothing to send: EOF in the middle of one means it went
            // away, and the producer should learn it now rather than after a write is reset. (A client
            // that half-closed before the response still gets the whole stream: it never reads here.)
            close()
        case .handling, .closing, .closed:
            break  // answer what was asked (a half-closed client still reads), then close
        }
    }

    /// Writes pending output until done or the socket is full.
    func flush() {
        switch transport {
        case .undecided, .handshaking:
            close()
            return
        case .plain, .tls:
            break
        }
        while outputOffset < output.count {
            let result = output.withUnsafeBytes { all in
                let pending = UnsafeRawBufferPointer(rebasing: all[outputOffset...])
                if case .tls(let session) = transport { return session.write(pending) }
                return Socket.send(fd, pending)
            }
            switch result {
            case .transferred(let count):
                outputOffset += count
                if deadlineKind == .write { setDeadline(.write, loop.context.idleTimeout) }
            case .wouldBlock(let wanted):
                if wanted == .read { writeWantsRead = true } else { writeBlocked = true }
                // A client that stops reading must not pin the connection forever.
                if phase == .closing || phase == .streaming || awaitingNextRequest {
                    setDeadline(.write, loop.context.idleTimeout)
                }
                updateInterest()
                resumeStreamWriterIfRoom()
                return
            case .closed, .failed:
                close()
                return
            }
        }
        output.removeAll(keepingCapacity: output.capacity <= 64 * 1024)
        outputOffset = 0
        writeBlocked = false
        writeWantsRead = false
        outputDrained()
    }

    private func outputDrained() {
        switch phase {
        case .closing:
            if lingerAfterFlush && !peerClosed {
                startLingering()
            } else {
                if case .tls(let session) = transport { session.sendCloseNotify() }
                close()
            }
        case .receiving where awaitingNextRequest:
            awaitingNextRequest = false
            if input.isEmpty {
                setDeadline(.idle, loop.context.idleTimeout)
            } else {
                setDeadline(.header, loop.context.headerTimeout)
            }
            if readingPaused {
                readingPaused = false
                if isTLS { readAvailable() }  // OpenSSL may hold records epoll knows nothing about
            }
            process()
            updateInterest()
        case .streaming:
            deadline = 0  // nothing unsent: the producer may take its time before the next event
            updateInterest()
            resumeStreamWriterIfRoom()
        default:
            updateInterest()
        }
    }

    /// RFC 9112 section 9.6: close the write side first and read until the peer closes (or a short
    /// timeout), so unread request bytes do not turn our close into a reset that eats the response.
    private func startLingering() {
        phase = .lingering
        if case .tls(let session) = transport { session.sendCloseNotify() }
        Socket.shutdownWrite(fd)
        readingPaused = false
        setDeadline(.linger, loop.context.lingerTimeout)
        updateInterest()
    }

    func updateInterest() {
        guard phase != .closed else { return }
        var wanted: UInt32 = 0
        if case .handshaking = transport {
            wanted = handshakeWants == .read ? Epoll.readable : Epoll.writable
        } else {
            let reading = phase == .lingering || (!peerClosed && !readingPaused)
            if reading || writeWantsRead { wanted |= Epoll.readable }
            if writeBlocked || readWantsWrite { wanted |= Epoll.writable }
        }
        if wanted != interest {
            interest = wanted
            loop.epoll.modify(fd, events: wanted, token: token)
        }
    }
}
