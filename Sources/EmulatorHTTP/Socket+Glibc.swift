import COpenSSL
import Glibc

extension Socket {
    /// Resolves `host`, binds a non-blocking listening socket and returns it with the bound port.
    static func makeListener(host: String, port: Int, backlog: Int32 = 4096) throws -> (fd: Int32, port: Int) {
        guard (0...65535).contains(port) else {
            throw HTTPServerError(.invalidConfiguration, "Invalid port \(port): use 0...65535 (0 picks a free port).")
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            let reason = status == 0 ? "no address" : String(cString: gai_strerror(status))
            throw HTTPServerError(.addressResolution, "Cannot resolve listen address '\(host)': \(reason).")
        }
        defer { freeaddrinfo(list) }
        let info = first.pointee

        let fd = socket(info.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else {
            throw HTTPServerError(.system, "Cannot create a socket for \(host):\(port): \(errorDescription(errno)).")
        }
        var one: Int32 = 1
        // SO_REUSEADDR lets a restarted emulator rebind while old connections sit in TIME_WAIT;
        // on Linux it does not let two live listeners share the port (SO_REUSEPORT would).
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if info.ai_family == AF_INET6 {
            // "::" also accepts IPv4 (dual stack), whatever net.ipv6.bindv6only says.
            var zero: Int32 = 0
            setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &zero, socklen_t(MemoryLayout<Int32>.size))
        }
        guard bind(fd, info.ai_addr, info.ai_addrlen) == 0 else {
            let code = errno
            Glibc.close(fd)
            var hint = ""
            if code == EADDRINUSE { hint = " (another process is listening there; pick another port or stop it)" }
            if code == EACCES { hint = " (ports below 1024 need privileges)" }
            if code == EADDRNOTAVAIL { hint = " (the address is not assigned to this machine)" }
            throw HTTPServerError(.bind, "Cannot bind \(display(host: host, port: port)): \(errorDescription(code))\(hint).")
        }
        guard listen(fd, backlog) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw HTTPServerError(.listen, "Cannot listen on \(display(host: host, port: port)): \(errorDescription(code)).")
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let bound = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard bound == 0 else {
            let code = errno
            Glibc.close(fd)
            throw HTTPServerError(.system, "Cannot read the bound port: \(errorDescription(code)).")
        }
        return (fd, boundPort(storage))
    }

    static func accept(_ listener: Int32) -> AcceptResult {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let fd = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                shim_accept4(listener, $0, &length, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
            }
        }
        if fd >= 0 {
            var one: Int32 = 1
            // Responses go out in one write; Nagle would only delay the next one on keep-alive.
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            return .accepted(fd, peer(storage))
        }
        switch errno {
        case EAGAIN, EWOULDBLOCK: return .wouldBlock
        case EMFILE, ENFILE, ENOBUFS, ENOMEM: return .exhausted
        default: return .retry
        }
    }

    static func peekByte(_ fd: Int32) -> PeekResult {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, Int32(MSG_PEEK))
        if count == 1 { return .byte(byte) }
        if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) { return .wouldBlock }
        return .closed
    }

    static func receive(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        let count = recv(fd, buffer.baseAddress, buffer.count, 0)
        if count > 0 { return .transferred(count) }
        if count == 0 { return .closed }
        switch errno {
        case EAGAIN, EWOULDBLOCK, EINTR: return .wouldBlock(.read)
        default: return .failed
        }
    }

    /// MSG_NOSIGNAL: a peer that went away is an error result, never a SIGPIPE.
    static func send(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> IOResult {
        let count = Glibc.send(fd, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL))
        if count >= 0 { return .transferred(count) }
        switch errno {
        case EAGAIN, EWOULDBLOCK, EINTR: return .wouldBlock(.write)
        default: return .failed
        }
    }

    static func shutdownWrite(_ fd: Int32) {
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    static func close(_ fd: Int32) {
        _ = Glibc.close(fd)
    }

    static func errorDescription(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    private static func display(host: String, port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    private static func boundPort(_ storage: sockaddr_storage) -> Int {
        var storage = storage
        let family = storage.ss_family
        return withUnsafePointer(to: &storage) { pointer in
            if family == sa_family_t(AF_INET6) {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }

    private static func peer(_ storage: sockaddr_storage) -> Peer {
        var storage = storage
        let family = storage.ss_family
        return withUnsafePointer(to: &storage) { pointer -> Peer in
            var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
            if family == sa_family_t(AF_INET) {
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var ip = address.pointee.sin_addr
                    inet_ntop(AF_INET, &ip, &text, socklen_t(text.count))
                    let firstOctet = UInt32(bigEndian: ip.s_addr) >> 24
                    return Peer(
                        address: String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
                        isLoopback: firstOctet == 127)
                }
            }
            if family == sa_family_t(AF_INET6) {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var ip = address.pointee.sin6_addr
                    let bytes = withUnsafeBytes(of: &ip) { Array($0) }
                    let isMapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
                    if isMapped {
                        // ::ffff:a.b.c.d is an IPv4 peer on a dual-stack socket.
                        let text = "\(bytes[12]).\(bytes[13]).\(bytes[14]).\(bytes[15])"
                        return Peer(address: text, isLoopback: bytes[12] == 127)
                    }
                    inet_ntop(AF_INET6, &ip, &text, socklen_t(text.count))
                    let isLoopback = bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
                    return Peer(
                        address: String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
                        isLoopback: isLoopback)
                }
            }
            return Peer(address: "unknown", isLoopback: false)
        }
    }
}
