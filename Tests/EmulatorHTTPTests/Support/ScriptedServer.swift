import Foundation
import Glibc
import Synchronization

/// A raw TCP server on 127.0.0.1 whose connections run a script (on a thread each): tests of
/// `HTTPClient` write exactly the bytes they mean, stall, or never answer.
final class ScriptedServer: Sendable {
    /// One accepted connection, blocking I/O.
    final class Peer: Sendable {
        let fd: Int32

        init(fd: Int32) { self.fd = fd }

        /// The request head and its Content-Length body, as text ("" if the client hung up first).
        @discardableResult
        func readRequest() -> String {
            var received: [UInt8] = []
            var byte = [UInt8](repeating: 0, count: 4096)
            while true {
                if let end = received.firstRange(of: Array("\r\n\r\n".utf8)) {
                    let head = String(decoding: received[..<end.upperBound], as: UTF8.self)
                    let length =
                        head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                        .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                    if received.count - end.upperBound >= length { return String(decoding: received, as: UTF8.self) }
                }
                let count = recv(fd, &byte, byte.count, 0)
                if count <= 0 { return String(decoding: received, as: UTF8.self) }
                received.append(contentsOf: byte[..<count])
            }
        }

        /// False once the client is gone.
        @discardableResult
        func write(_ text: String) -> Bool { write(Array(text.utf8)) }

        @discardableResult
        func write(_ bytes: [UInt8]) -> Bool {
            var offset = 0
            while offset < bytes.count {
                let count = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if count <= 0 { return false }
                offset += count
            }
            return true
        }

        /// Blocks until the client closes its side (or 10 s pass); true if it did.
        func waitForClose() -> Bool {
            var time = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
            var byte: UInt8 = 0
            while true {
                let count = recv(fd, &byte, 1, 0)
                if count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN) { return true }
                if count < 0 { return false }
            }
        }

        func close() { Glibc.close(fd) }
    }

    let port: Int
    private let listener: Int32

    /// Listens on an ephemeral port; every accepted connection runs `script` on its own thread and
    /// is closed when the script returns.
    init(_ script: @escaping @Sendable (Peer) -> Void) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard fd >= 0, bound, listen(fd, 16) == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread {
            while true {
                let connection = accept(fd, nil, nil)
                if connection < 0 {
                    if errno == EINTR { continue }
                    return
                }
                Thread.detachNewThread {
                    let peer = Peer(fd: connection)
                    script(peer)
                    peer.close()
                }
            }
        }
    }

    deinit {
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
    }

    var base: String { "http://127.0.0.1:\(port)" }
}
