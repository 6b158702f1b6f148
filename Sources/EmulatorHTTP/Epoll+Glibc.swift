import COpenSSL
import Glibc

/// A level-triggered epoll instance (Linux). Each event loop owns one.
struct Epoll {
    static let readable = EPOLLIN.rawValue
    static let writable = EPOLLOUT.rawValue
    static let hangup = EPOLLHUP.rawValue | EPOLLERR.rawValue
    /// Wake only one of the loops waiting on a shared listening socket (Linux 4.5+).
    static let exclusive = EPOLLEXCLUSIVE.rawValue

    let fd: Int32

    init() throws {
        fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else {
            throw HTTPServerError(.system, "Cannot create an epoll instance: \(Socket.errorDescription(errno)).")
        }
    }

    @discardableResult
    func add(_ descriptor: Int32, events: UInt32, token: UInt64) -> Bool {
        var event = epoll_event()
        event.events = events
        event.data.u64 = token
        return epoll_ctl(fd, EPOLL_CTL_ADD, descriptor, &event) == 0
    }

    func modify(_ descriptor: Int32, events: UInt32, token: UInt64) {
        var event = epoll_event()
        event.events = events
        event.data.u64 = token
        _ = epoll_ctl(fd, EPOLL_CTL_MOD, descriptor, &event)
    }

    func remove(_ descriptor: Int32) {
        var event = epoll_event()
        _ = epoll_ctl(fd, EPOLL_CTL_DEL, descriptor, &event)
    }

    /// Waits up to `timeout` milliseconds (-1: forever); returns the number of events filled in.
    func wait(into events: UnsafeMutableBufferPointer<epoll_event>, timeout: Int32) -> Int {
        let count = epoll_wait(fd, events.baseAddress, Int32(events.count), timeout)
        return count < 0 ? 0 : Int(count)  // EINTR: just loop again
    }

    func close() {
        Glibc.close(fd)
    }
}
