import COpenSSL
import Glibc

/// A joinable POSIX thread running one event loop.
struct LoopThread: @unchecked Sendable {
    private final class Body {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }

    let id: pthread_t

    static func spawn(name: String, _ run: @escaping @Sendable () -> Void) throws -> LoopThread {
        let body = Unmanaged.passRetained(Body(run)).toOpaque()
        var id = pthread_t()
        let status = pthread_create(
            &id, nil,
            { argument in
                let body = Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue()
                body.run()
                return nil
            }, body)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(body).release()
            throw HTTPServerError(.system, "Cannot start an event loop thread: \(Socket.errorDescription(status)).")
        }
        _ = shim_pthread_setname_np(UInt(id), String(name.prefix(15)))  // the kernel keeps 15 bytes
        return LoopThread(id: id)
    }

    static var current: UInt { UInt(pthread_self()) }

    var isCurrent: Bool { pthread_equal(id, pthread_self()) != 0 }

    func join() {
        _ = pthread_join(id, nil)
    }
}

extension LoopThread {
    /// For a thread nobody will join.
    func detach() {
        _ = pthread_detach(id)
    }
}
