import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A blocking plain-HTTP client on a raw POSIX socket, for what URLSession cannot do: stop reading
/// with a tiny receive buffer, or close in the middle of a streamed answer. Every read has a timeout.
final class RawHTTPConnection {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private var fd: Int32
    /// Everything received so far.
    private(set) var received: [UInt8] = []

    /// `receiveBufferBytes` is set before `connect`, so the kernel never autotunes it up: a client
    /// that does not read then holds only that much (socket(7), SO_RCVBUF).
    init(port: Int, timeout: Double = 30, receiveBufferBytes: Int? = nil) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBufferBytes.map(Int32.init) {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(fd)
            fd = -1
            throw Failure(description: "connect: errno \(errno)")
        }
    }

    deinit { close() }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Closes with a reset instead of a FIN: SO_LINGER with a zero timeout (socket(7)).
    func reset() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        close()
    }

    /// The client's own port (to find the connection in /proc/net/tcp).
    var localPort: Int {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// A POST with a JSON body and the given headers, HTTP/1.1, kept alive.
    func post(_ target: String, body: [UInt8], headers: [String: String]) throws {
        var head = "POST \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        head += "Content-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        try send(Array((head + "\r\n").utf8) + body)
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send: errno \(errno)") }
            offset += count
        }
    }

    /// One read into `received`; 0 at end of stream. Throws on timeout or error (ECONNRESET included).
    @discardableResult
    func fill() throws -> Int {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw Failure(description: "recv: errno \(errno)") }
        received += chunk[..<count]
        return count
    }

    /// Reads until `received` contains `marker`; false when the peer closed first.
    func read(until marker: String) throws -> Bool {
        let needle = Array(marker.utf8)
        while !contains(needle) {
            if try fill() == 0 { return false }
        }
        return true
    }

    /// Reads until the peer closes; true on an orderly close (FIN), false on a reset.
    func readToEnd() throws -> Bool {
        while true {
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return true }
            if count < 0 {
                if errno == ECONNRESET { return false }
                throw Failure(description: "recv: errno \(errno)")
            }
            received += chunk[..<count]
        }
    }

    var text: String { String(decoding: received, as: UTF8.self) }

    private func contains(_ needle: [UInt8]) -> Bool {
        guard received.count >= needle.count else { return false }
        for start in 0...(received.count - needle.count) where received[start] == needle[0] {
            if received[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
