/// Where an `HTTPBodyWriter` sends its bytes: a connection, or a buffer for `collected()`.
protocol HTTPBodySink: Sendable {
    /// Takes `bytes` (possibly empty); returns when more may be written. Throws
    /// `HTTPBodyWriter.ClientGone` when nobody reads any more.
    func write(_ bytes: [UInt8]) async throws
}
