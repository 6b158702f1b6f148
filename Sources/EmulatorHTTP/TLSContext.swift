import COpenSSL

/// The server's SSL_CTX: TLS 1.2+, the configured certificate and key, ALPN "http/1.1" only.
final class TLSContext: @unchecked Sendable {
    // SSL_CTX is reference-counted and safe to share across threads once configured.
    let context: OpaquePointer

    init(configuration: TLSConfiguration) throws {
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_server_method()) else {
            throw HTTPServerError(.tls, "Cannot create a TLS context: \(OpenSSLError.drain()).")
        }
        self.context = context
        _ = shim_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION)
        // No renegotiation (a DoS lever), no compression (CRIME), our cipher preference.
        _ = shim_SSL_CTX_set_options(
            context, shim_SSL_OP_NO_RENEGOTIATION() | shim_SSL_OP_NO_COMPRESSION() | shim_SSL_OP_CIPHER_SERVER_PREFERENCE())
        // Partial writes + moving buffers: SSL_write is retried from wherever the output array is now.
        // RELEASE_BUFFERS keeps idle connections small.
        _ = shim_SSL_CTX_set_mode(
            context, Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS))
        let sessionContext = Array("foundry-emulator".utf8)
        _ = SSL_CTX_set_session_id_context(context, sessionContext, UInt32(sessionContext.count))

        guard SSL_CTX_use_certificate_chain_file(context, configuration.certificatePath) == 1 else {
            throw HTTPServerError(.tls, "Cannot load the TLS certificate '\(configuration.certificatePath)': \(OpenSSLError.drain()).")
        }
        guard SSL_CTX_use_PrivateKey_file(context, configuration.privateKeyPath, SSL_FILETYPE_PEM) == 1 else {
            throw HTTPServerError(.tls, "Cannot load the TLS private key '\(configuration.privateKeyPath)': \(OpenSSLError.drain()).")
        }
        guard SSL_CTX_check_private_key(context) == 1 else {
            throw HTTPServerError(
                .tls,
                "The TLS private key '\(configuration.privateKeyPath)' does not match the certificate '\(configuration.certificatePath)': \(OpenSSLError.drain())."
            )
        }
        SSL_CTX_set_alpn_select_cb(
            context,
            { _, selected, selectedLength, offered, offeredLength, _ in
                // RFC 7301 section 3.2: pick "http/1.1" from the client's list; without it, no ALPN at all
                // (the client falls back to HTTP/1.1 anyway) rather than a fatal alert.
                guard let offered, let selected, let selectedLength else { return SSL_TLSEXT_ERR_NOACK }
                let wanted = Array("http/1.1".utf8)
                var index = 0
                let count = Int(offeredLength)
                while index < count {
                    let length = Int(offered[index])
                    let start = index + 1
                    if length == wanted.count && start + length <= count
                        && (0..<length).allSatisfy({ offered[start + $0] == wanted[$0] })
                    {
                        selected.pointee = offered + start
                        selectedLength.pointee = UInt8(length)
                        return SSL_TLSEXT_ERR_OK
                    }
                    index = start + length
                }
                return SSL_TLSEXT_ERR_NOACK
            }, nil)
    }

    deinit {
        SSL_CTX_free(context)
    }

    /// A server-side session on an accepted socket, or nil when OpenSSL is out of memory.
    func makeSession(socket: Int32) -> TLSSession? {
        guard let ssl = SSL_new(context) else {
            ERR_clear_error()
            return nil
        }
        guard SSL_set_fd(ssl, socket) == 1 else {
            SSL_free(ssl)
            ERR_clear_error()
            return nil
        }
        SSL_set_accept_state(ssl)
        return TLSSession(ssl: ssl)
    }
}
