/// The outcome of one non-blocking read, write or TLS handshake step.
enum IOResult {
    /// Bytes moved (0 for a completed handshake).
    case transferred(Int)
    /// Try again once the socket is readable (`.read`) or writable (`.write`).
    case wouldBlock(IOInterest)
    /// The peer closed its side in an orderly way (EOF, TLS close_notify).
    case closed
    /// Reset, protocol error or failed handshake: the connection is unusable.
    case failed
}
