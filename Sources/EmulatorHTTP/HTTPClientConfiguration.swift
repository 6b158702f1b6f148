/// Limits, deadlines and trust of an `HTTPClient`.
package struct HTTPClientConfiguration: Sendable {
    /// Seconds for the whole call of `send`, and for a stream up to its response head: name
    /// resolution, connect, TLS handshake, writing the request, reading the answer. DNS lookups
    /// run to their own end (getaddrinfo cannot be interrupted); the deadline is checked after.
    package var timeout: Double
    /// Longest silence, in seconds, while waiting for the server's next bytes; nil: only `timeout`
    /// (and none at all in a stream's body).
    package var idleTimeout: Double?
    /// PEM certificates trusted besides the system's CA store (a self-signed emulator's certificate).
    package var trustedCertificatesPEM: String?
    /// Largest body `send` collects; a larger one fails with `bodyTooLarge`.
    package var maximumBodyBytes: Int
    /// Largest response head (status line and header fields).
    package var maximumHeadBytes: Int

    package init(
        timeout: Double = 30, idleTimeout: Double? = nil, trustedCertificatesPEM: String? = nil, maximumBodyBytes: Int = 64 * 1024 * 1024,
        maximumHeadBytes: Int = 64 * 1024
    ) {
        self.timeout = timeout
        self.idleTimeout = idleTimeout
        self.trustedCertificatesPEM = trustedCertificatesPEM
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumHeadBytes = maximumHeadBytes
    }
}
