import COpenSSL

/// One connection's SSL object, driven non-blockingly: every call maps OpenSSL's
/// WANT_READ/WANT_WRITE to an `IOResult` the event loop can wait on.
struct TLSSession {
    let ssl: OpaquePointer

    func handshake() -> IOResult {
        ERR_clear_error()  // SSL_get_error reads the thread's queue: start clean
        let status = SSL_do_handshake(ssl)
        return status == 1 ? .transferred(0) : result(of: status)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> IOResult {
        ERR_clear_error()
        var count = 0
        let status = SSL_read_ex(ssl, buffer.baseAddress, buffer.count, &count)
        return status == 1 ? .transferred(count) : result(of: status)
    }

    func write(_ buffer: UnsafeRawBufferPointer) -> IOResult {
        ERR_clear_error()
        var count = 0
        let status = SSL_write_ex(ssl, buffer.baseAddress, buffer.count, &count)
        return status == 1 ? .transferred(count) : result(of: status)
    }

    /// Sends close_notify once, without waiting for the peer's (RFC 8446 section 6.1 allows that).
    func sendCloseNotify() {
        ERR_clear_error()
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }

    func free() {
        SSL_free(ssl)
    }

    private func result(of status: Int32) -> IOResult {
        let error = SSL_get_error(ssl, status)
        switch error {
        case SSL_ERROR_WANT_READ:
            return .wouldBlock(.read)
        case SSL_ERROR_WANT_WRITE:
            return .wouldBlock(.write)
        case SSL_ERROR_ZERO_RETURN:
            return .closed
        default:
            ERR_clear_error()
            return .failed
        }
    }
}
