import COpenSSL

/// The client's SSL_CTX: TLS 1.2+, the server's certificate verified against the system's CA store
/// (OpenSSL's default paths, which `SSL_CERT_FILE` and `SSL_CERT_DIR` override) plus any PEM
/// certificates the configuration trusts. Host names are checked per connection.
final class TLSClientContext: @unchecked Sendable {
    // SSL_CTX is reference-counted and safe to share across threads once configured.
    let context: OpaquePointer

    init(trustedCertificatesPEM: String?) throws(HTTPClientError) {
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw HTTPClientError(.tls, "Cannot create a TLS client context: \(OpenSSLError.drain()).")
        }
        self.context = context
        _ = shim_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION)
        // No renegotiation, no compression (CRIME); a server that closes without close_notify ends
        // the body like a TCP close (the response's own framing says whether it was complete).
        _ = shim_SSL_CTX_set_options(
            context, shim_SSL_OP_NO_RENEGOTIATION() | shim_SSL_OP_NO_COMPRESSION() | shim_SSL_OP_IGNORE_UNEXPECTED_EOF())
        _ = shim_SSL_CTX_set_mode(context, Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER))
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        // Without a system store (no ca-certificates) only the configured PEM is trusted.
        _ = SSL_CTX_set_default_verify_paths(context)
        ERR_clear_error()
        if let pem = trustedCertificatesPEM {
            try trust(pem)
        }
    }

    deinit {
        SSL_CTX_free(context)
    }

    /// Adds every certificate of `pem` to the context's trust store.
    private func trust(_ pem: String) throws(HTTPClientError) {
        let bytes = Array(pem.utf8)
        let added = bytes.withUnsafeBytes { raw -> Int in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return 0 }
            defer { BIO_free(bio) }
            let store = SSL_CTX_get_cert_store(context)
            var count = 0
            while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
                if X509_STORE_add_cert(store, certificate) == 1 { count += 1 }
                X509_free(certificate)
            }
            return count
        }
        ERR_clear_error()  // the read past the last certificate leaves "no start line" behind
        guard added > 0 else { throw HTTPClientError(.tls, "The trusted certificates hold no PEM certificate.") }
    }
}
