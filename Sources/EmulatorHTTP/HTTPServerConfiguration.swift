import Foundation

/// Everything `HTTPServer` needs to know before it binds. Limits and timeouts have safe defaults.
package struct HTTPServerConfiguration: Sendable {
    /// Address to bind: "127.0.0.1", "0.0.0.0", "::1", "::" (dual stack) or a resolvable name.
    package var host: String
    /// 0 picks an ephemeral port; `HTTPServer.start()` returns the bound one.
    package var port: Int
    /// When set, TLS and plain HTTP share the port: a first byte of 0x16 (a TLS handshake record)
    /// selects TLS, anything else is read as HTTP/1.1.
    package var tls: TLSConfiguration?
    /// Request line plus header section, in bytes; over it the answer is 431 and the connection closes.
    package var maxHeaderBytes: Int
    /// Content, in bytes (after de-chunking); over it the answer is 413 and the connection closes.
    package var maxBodyBytes: Int
    /// Seconds to receive a complete header block (including the TLS handshake); then the connection
    /// is closed, with a 408 if part of a request had arrived.
    package var headerTimeout: Double
    /// Seconds to receive the whole body once the header block is in; then 408 and close.
    package var bodyTimeout: Double
    /// Seconds a keep-alive connection may sit between requests (or a response may sit unread).
    /// For all three timeouts, 0 means none.
    package var idleTimeout: Double
    /// Connections over this cap are accepted and closed at once.
    package var maxConnections: Int
    /// Event loop threads, each with its own epoll instance.
    package var eventLoopCount: Int
    /// Renders protocol errors (400/408/413/414/417/431/501/505). The ARM layer passes one that renders
    /// ARM errors; the default renders `{"error":{"code","message"}}`.
    package var protocolErrorResponder: @Sendable (HTTPProtocolError) -> HTTPResponse
    /// Longest request line, in bytes; a longer request-target gets 414 (RFC 9112 section 3).
    package var maxRequestLineBytes: Int

    package init(
        host: String = "127.0.0.1",
        port: Int = 0,
        tls: TLSConfiguration? = nil,
        maxHeaderBytes: Int = 64 * 1024,
        maxBodyBytes: Int = 4 * 1024 * 1024,
        headerTimeout: Double = 10,
        bodyTimeout: Double = 30,
        idleTimeout: Double = 60,
        maxConnections: Int = 10_000,
        eventLoopCount: Int = ProcessInfo.processInfo.activeProcessorCount,
        protocolErrorResponder: @escaping @Sendable (HTTPProtocolError) -> HTTPResponse = HTTPProtocolError.defaultResponse(for:),
        maxRequestLineBytes: Int = 16 * 1024
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
        self.eventLoopCount = eventLoopCount
        self.protocolErrorResponder = protocolErrorResponder
        self.maxRequestLineBytes = maxRequestLineBytes
    }
}
