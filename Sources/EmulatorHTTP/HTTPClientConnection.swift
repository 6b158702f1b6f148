import COpenSSL
import Glibc

/// The connection of one exchange, driven from the exchange's own thread. The socket is
/// non-blocking and every wait is a poll on it and on the mailbox's wake eventfd, so a deadline
/// or the consumer's cancel ends any step (except getaddrinfo, which cannot be interrupted).
final class HTTPClientConnection {
    /// When a wait gives up, and the error it then throws.
    struct Deadline {
        var at: UInt64
        var error: HTTPClientError
    }

    private var fd: Int32 = -1
    private var ssl: OpaquePointer?
    private let mailbox: HTTPClientMailbox
    private let url: HTTPClientURL

    init(url: HTTPClientURL, mailbox: HTTPClientMailbox) {
        self.url = url
        self.mailbox = mailbox
    }

    deinit {
        if let ssl { SSL_free(ssl) }
        if fd >= 0 { Glibc.close(fd) }
    }

    private var display: String { url.host.contains(":") ? "[\(url.host)]:\(url.port)" : "\(url.host):\(url.port)" }

    /// Resolves the host and connects to its addresses in getaddrinfo's order (RFC 6724), the
    /// first that accepts wins.
    func connect(deadline: Deadline) throws(HTTPClientError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(url.host, String(url.port), &hints, &list)
        guard status == 0, list != nil else {
            let reason = status == EAI_SYSTEM ? Socket.errorDescription(errno) : String(cString: gai_strerror(status))
            throw HTTPClientError(.nameResolution, "Cannot resolve the host '\(url.host)': \(reason).")
        }
        defer { freeaddrinfo(list) }
        var failure = HTTPClientError(.connectFailed, "Cannot connect to \(display): no address.")
        var next = list
        while let info = next?.pointee {
            next = info.ai_next
            let fd = socket(info.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else {
                failure = HTTPClientError(.system, "Cannot create a socket: \(Socket.errorDescription(errno)).")
                continue
            }
            self.fd = fd
            var code: Int32 = Glibc.connect(fd, info.ai_addr, info.ai_addrlen) == 0 ? 0 : errno
            if code == EINPROGRESS {
                try wait(.write, deadline: deadline)
                var length = socklen_t(MemoryLayout<Int32>.size)
                code = 0
                if getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length) != 0 { code = errno }
            }
            if code == 0 {
                var one: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                return
            }
            Glibc.close(fd)
            self.fd = -1
            failure =
                code == ECONNREFUSED
                ? HTTPClientError(.connectionRefused, "Cannot connect to \(display): the connection was refused.")
                : HTTPClientError(.connectFailed, "Cannot connect to \(display): \(Socket.errorDescription(code)).")
        }
        throw failure
    }

    /// The TLS handshake: SNI and the certificate checked for the URL's host (its DNS name, or its
    /// IP address for a literal), ALPN offering http/1.1 only.
    func startTLS(_ context: TLSClientContext, deadline: Deadline) throws(HTTPClientError) {
        ERR_clear_error()
        guard let ssl = SSL_new(context.context) else {
            throw HTTPClientError(.tls, "Cannot create a TLS session: \(OpenSSLError.drain()).")
        }
        self.ssl = ssl
        SSL_set_fd(ssl, fd)
        let parameters = SSL_get0_param(ssl)
        let checked =
            url.hostIsAddress
            ? X509_VERIFY_PARAM_set1_ip_asc(parameters, url.host) == 1
            : shim_SSL_set_tlsext_host_name(ssl, url.host) == 1 && X509_VERIFY_PARAM_set1_host(parameters, url.host, 0) == 1
        // Without the host to check, any trusted certificate would pass: refuse instead.
        guard checked else {
            ERR_clear_error()
            throw HTTPClientError(.tls, "Cannot check a TLS certificate for the host '\(url.host)'.")
        }
        let alpn: [UInt8] = [8] + Array("http/1.1".utf8)
        _ = SSL_set_alpn_protos(ssl, alpn, UInt32(alpn.count))
        SSL_set_connect_state(ssl)
        while true {
            ERR_clear_error()
            let status = SSL_do_handshake(ssl)
            if status == 1 { return }
            let error = SSL_get_error(ssl, status)
            switch error {
            case SSL_ERROR_WANT_READ: try wait(.read, deadline: deadline)
            case SSL_ERROR_WANT_WRITE: try wait(.write, deadline: deadline)
            default:
                let verification = SSL_get_verify_result(ssl)
                if verification != Int(X509_V_OK) {
                    let reason = String(cString: X509_verify_cert_error_string(verification))
                    ERR_clear_error()
                    throw HTTPClientError(.tls, "The TLS certificate of \(display) is not trusted: \(reason).")
                }
                let reason = error == SSL_ERROR_SYSCALL && ERR_peek_error() == 0 ? "the server closed the connection" : OpenSSLError.drain()
                throw HTTPClientError(.tls, "The TLS handshake with \(display) failed: \(reason).")
            }
        }
    }

    func write(_ bytes: [UInt8], deadline: Deadline) throws(HTTPClientError) {
        var offset = 0
        while offset < bytes.count {
            switch bytes.withUnsafeBytes({ send(UnsafeRawBufferPointer(rebasing: $0[offset...])) }) {
            case .transferred(let count): offset += count
            case .wouldBlock(let interest): try wait(interest, deadline: deadline)
            case .closed, .failed:
                throw HTTPClientError(.connectionLost, "The connection to \(display) broke while the request was sent.")
            }
        }
    }

    /// Reads what has arrived into `buffer`; 0 once the server closed its side.
    func read(into buffer: UnsafeMutableRawBufferPointer, deadline: Deadline?) throws(HTTPClientError) -> Int {
        while true {
            switch receive(into: buffer) {
            case .transferred(let count): return count
            case .closed: return 0
            case .wouldBlock(let interest): try wait(interest, deadline: deadline)
            case .failed: throw HTTPClientError(.connectionLost, "The connection to \(display) broke before the response was complete.")
            }
        }
    }

    /// One non-blocking write, over TLS once the handshake was done.
    private func send(_ bytes: UnsafeRawBufferPointer) -> IOResult {
        if let ssl { return TLSSession(ssl: ssl).write(bytes) }
        return Socket.send(fd, bytes)
    }

    /// One non-blocking read, over TLS once the handshake was done.
    private func receive(into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        if let ssl { return TLSSession(ssl: ssl).read(into: buffer) }
        return Socket.receive(fd, into: buffer)
    }

    /// Blocks until the socket is ready for `interest`, the deadline passes (its error) or the
    /// consumer cancels (`cancelled`).
    private func wait(_ interest: IOInterest, deadline: Deadline?) throws(HTTPClientError) {
        while true {
            if mailbox.isCancelled { throw .cancelled }
            var milliseconds: Int32 = -1
            if let deadline {
                let now = MonotonicClock.now()
                guard now < deadline.at else { throw deadline.error }
                milliseconds = Int32(min((deadline.at - now + 999_999) / 1_000_000, UInt64(Int32.max)))
            }
            var descriptors = [
                pollfd(fd: fd, events: Int16(interest == .read ? POLLIN : POLLOUT), revents: 0),
                pollfd(fd: mailbox.wake.fd, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, milliseconds)
            if ready < 0 && errno != EINTR {
                throw HTTPClientError(.system, "poll failed: \(Socket.errorDescription(errno)).")
            }
            if descriptors[1].revents != 0 { mailbox.wake.drain() }
            // Readable, writable, hung up or in error: the next call says which.
            if descriptors[0].revents != 0 { return }
        }
    }
}
