import COpenSSL
import Glibc

/// A non-blocking eventfd (Linux): how other threads wake an event loop blocked in epoll_wait.
struct EventFD {
    let fd: Int32

    init() throws {
        fd = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard fd >= 0 else {
            throw HTTPServerError(.system, "Cannot create an eventfd: \(Socket.errorDescription(errno)).")
        }
    }

    func signal() {
        var one: UInt64 = 1
        _ = Glibc.write(fd, &one, 8)
    }

    func drain() {
        var value: UInt64 = 0
        _ = Glibc.read(fd, &value, 8)
    }

    func close() {
        Glibc.close(fd)
    }
}
