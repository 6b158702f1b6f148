/// Non-blocking TCP socket calls, as a namespace. The Linux implementation is in `Socket+Glibc.swift`.
enum Socket {
    /// The peer of an accepted connection, as the request will report it.
    struct Peer: Sendable {
        /// Numeric address without port: "127.0.0.1", "::1" (IPv4-mapped IPv6 is shown as IPv4).
        var address: String
        /// 127.0.0.0/8, ::1 or ::ffff:127.0.0.0/104.
        var isLoopback: Bool
    }

    enum AcceptResult {
        case accepted(Int32, Peer)
        case wouldBlock
        /// Out of file descriptors (EMFILE/ENFILE/ENOBUFS/ENOMEM): back off before accepting again.
        case exhausted
        /// A connection that died in the backlog, an interrupted call: just try again.
        case retry
    }

    enum PeekResult {
        case byte(UInt8)
        case wouldBlock
        case closed
    }
}
