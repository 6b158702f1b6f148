import COpenSSL
import Glibc

/// A blocking HTTP/1.1 test client on raw POSIX sockets (optionally TLS through OpenSSL), so tests
/// see exactly the bytes the server writes. Every read has a timeout: a test never hangs.
final class TestClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var fd: Int32
    private var ssl: OpaquePointer?
    private var sslContext: OpaquePointer?
    /// Received and not yet consumed (the chunked reader in TestClient+Chunked takes from it too).
    var buffer: [UInt8] = []

    /// Connects over TCP (and TLS when `trusting` names a CA file). `receiveBufferBytes` pins the
    /// socket's receive buffer (no autotuning), so a client that does not read holds little.
    init(
        port: Int, host: String = "127.0.0.1", timeout: Double = 10, trusting caFile: String? = nil, strictX509: Bool = false,
        alpn: [String] = ["http/1.1"], receiveBufferBytes: Int? = nil
    ) throws {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let info = list else {
            throw Failure(description: "bad address \(host)")
        }
        defer { freeaddrinfo(list) }
        fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(errno)") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        if let receiveBufferBytes {
            var size = Int32(receiveBufferBytes)
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        guard connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 else {
            let code = errno
            Glibc.close(fd)
            fd = -1  // deinit runs after a throwing init too: never close a number twice
            throw Failure(description: "connect: \(String(cString: strerror(code)))")
        }
        if let caFile {
            try startTLS(caFile: caFile, strictX509: strictX509, alpn: alpn)
        }
    }

    deinit { close() }

    private func startTLS(caFile: String, strictX509: Bool, alpn: [String]) throws {
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw Failure(description: "SSL_CTX_new") }
        sslContext = context
        guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1 else { throw Failure(description: "cannot load \(caFile)") }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        if strictX509 {
            // What Python 3.13+ turns on by default (ssl.VERIFY_X509_STRICT).
            X509_VERIFY_PARAM_set_flags(SSL_CTX_get0_param(context), UInt(X509_V_FLAG_X509_STRICT))
        }
        var protocols: [UInt8] = []
        for name in alpn {
            protocols.append(UInt8(name.utf8.count))
            protocols.append(contentsOf: name.utf8)
        }
        if !protocols.isEmpty { _ = SSL_CTX_set_alpn_protos(context, protocols, UInt32(protocols.count)) }
        guard let ssl = SSL_new(context) else { throw Failure(description: "SSL_new") }
        self.ssl = ssl
        SSL_set_fd(ssl, fd)
        _ = SSL_set1_host(ssl, "localhost")  // hostname verification against the SAN
        guard SSL_connect(ssl) == 1 else {
            let result = SSL_get_verify_result(ssl)
            let reason = String(cString: X509_verify_cert_error_string(result))
            ERR_clear_error()
            throw Failure(description: "TLS handshake failed: verify=\(result) \(reason)")
        }
    }

    var verifyResult: Int { ssl.map { SSL_get_verify_result($0) } ?? -1 }

    var negotiatedALPN: String? {
        guard let ssl else { return nil }
        var data: UnsafePointer<UInt8>?
        var length: UInt32 = 0
        SSL_get0_alpn_selected(ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    var negotiatedVersion: String? { ssl.map { String(cString: SSL_get_version($0)) } }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw -> Int in
                let pointer = raw.baseAddress! + offset
                if let ssl { return Int(SSL_write(ssl, pointer, Int32(bytes.count - offset))) }
                return Glibc.send(fd, pointer, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard count > 0 else { throw Failure(description: "send failed (errno \(errno))") }
            offset += count
        }
    }

    /// Half-closes: the server sees EOF but can still answer.
    func shutdownWrite() {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    /// One read; 0 means EOF. Throws on timeout.
    func fill() throws -> Int {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { raw -> Int in
            if let ssl { return Int(SSL_read(ssl, raw.baseAddress, Int32(raw.count))) }
            return recv(fd, raw.baseAddress, raw.count, 0)
        }
        if count > 0 {
            buffer.append(contentsOf: chunk[0..<count])
            return count
        }
        if count == 0 || errno == ECONNRESET || ssl != nil { return 0 }
        throw Failure(description: "read timed out or failed (errno \(errno))")
    }

    /// Reads one response (a 1xx included, as its own response).
    func readResponse(toHead: Bool = false) throws -> TestResponse {
        var headEnd: Int?
        while headEnd == nil {
            headEnd = findHeadEnd()
            if headEnd == nil {
                guard try fill() > 0 else {
                    throw Failure(
                        description:
                            "connection closed before a response head; got \(String(decoding: buffer, as: UTF8.self).debugDescription)")
                }
            }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd!)
        var lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "HTTP/1.1", let status = Int(parts[1]) else {
            throw Failure(description: "bad status line \(statusLine.debugDescription)")
        }
        var headers: [(String, String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Failure(description: "bad header line \(line.debugDescription)") }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: " ")))
        }
        var response = TestResponse(status: status, headers: headers, body: [], rawHead: head)
        if toHead || status < 200 || status == 204 || status == 304 { return response }
        if let length = response.header("Content-Length").flatMap({ Int($0) }) {
            while buffer.count < length {
                guard try fill() > 0 else { throw Failure(description: "connection closed inside a body") }
            }
            response.body = Array(buffer[0..<length])
            buffer.removeFirst(length)
        } else {
            while try fill() > 0 {}
            response.body = buffer
            buffer = []
        }
        return response
    }

    /// True when the server closed the connection (EOF or reset) before `timeout` seconds; bytes that
    /// arrive first are kept for `readResponse`.
    func waitForClose(timeout: Double = 10) -> Bool {
        let deadline = now() + timeout
        while now() < deadline {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 100)
            if ready <= 0 { continue }
            guard let count = try? fill() else { return true }
            if count == 0 { return true }
        }
        return false
    }

    var bufferedText: String { String(decoding: buffer, as: UTF8.self) }

    func close() {
        if let ssl { SSL_free(ssl) }
        if let sslContext { SSL_CTX_free(sslContext) }
        ssl = nil
        sslContext = nil
        // A second close of the same number would close whatever socket the process opened with
        // it since (another test's server connection, URLSession's socket): tests run in parallel.
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    private func findHeadEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4)
        where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index + 4
        }
        return nil
    }

    private func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
