extension EventLoop {
    /// Accepts what the backlog holds (bounded per wake-up) and spreads the sockets round-robin
    /// over the loops. Over `maxConnections`, a socket is accepted and closed at once.
    func acceptConnections() {
        for _ in 0..<128 {
            switch Socket.accept(context.listener) {
            case .accepted(let fd, let peer):
                let open = context.connectionCount.wrappingAdd(1, ordering: .relaxed).newValue
                if open > context.configuration.maxConnections {
                    context.connectionCount.wrappingSubtract(1, ordering: .relaxed)
                    Socket.close(fd)
                    continue
                }
                let target = siblings[(context.nextLoop.wrappingAdd(1, ordering: .relaxed).oldValue & Int.max) % siblings.count]
                if target === self {
                    adopt(fd, peer)
                } else {
                    target.post(.adopt(fd, peer))
                }
            case .wouldBlock:
                return
            case .retry:
                continue
            case .exhausted:
                // Out of descriptors: a level-triggered listener would wake us in a tight loop.
                // Stop listening for 100 ms (the timer scan re-registers it).
                epoll.remove(context.listener)
                listening = false
                acceptResumesAt = now + 100_000_000
                return
            }
        }
    }
}
