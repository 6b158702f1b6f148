import Glibc
import Synchronization

/// A small HTTP/1.1 client for the emulator's few outbound calls (the hub proxy's forwarding, the
/// forwarding model backend): TCP (IPv4/IPv6, host names through getaddrinfo) or TLS (OpenSSL:
/// SNI, the system's CA store plus any trusted PEM, the host name checked), one request per
/// connection, Content-Length, chunked and close-delimited response bodies.
///
/// Each call runs on a thread of its own (`HTTPClientExchange`), never on an event loop or the
/// cooperative pool; the caller awaits its pieces. The emulator's own server and this client share
/// the socket, TLS and header code, so the product links no libcurl (docs/performance.md).
///
///     let client = HTTPClient(configuration: .init(timeout: 10))
///     let response = try await client.send(HTTPClientRequest(method: "POST", url: "http://127.0.0.1:11434/v1/embeddings",
///                                                            headers: HTTPHeaders([("Content-Type", "application/json")]), body: body))
package final class HTTPClient: Sendable {
    package let configuration: HTTPClientConfiguration
    /// Made on the first https call: loading the system's CA store costs memory an idle emulator
    /// does not need.
    private let tls = Mutex<TLSClientContext?>(nil)

    package init(configuration: HTTPClientConfiguration = HTTPClientConfiguration()) {
        self.configuration = configuration
        // A server that vanishes mid-write must be an error code, not a process kill: OpenSSL's
        // socket BIO writes with write(2), which MSG_NOSIGNAL does not cover.
        _ = signal(SIGPIPE, SIG_IGN)
    }

    /// The whole response, within `configuration.timeout`.
    package func send(_ request: HTTPClientRequest) async throws -> HTTPClientResponse {
        let transfer = try start(request, deadlineCoversBody: true)
        let head = try await transfer.head()
        var body: [UInt8] = []
        while let piece = try await transfer.next() {
            guard body.count + piece.count <= configuration.maximumBodyBytes else {
                transfer.cancel()
                throw HTTPClientError(.bodyTooLarge, "The response body is over \(configuration.maximumBodyBytes) bytes.")
            }
            body.append(contentsOf: piece)
        }
        return HTTPClientResponse(status: head.status, headers: head.headers, body: body)
    }

    /// Starts the call and returns at once; the head is due within `configuration.timeout`, then
    /// the body streams with only `configuration.idleTimeout` between pieces.
    package func stream(_ request: HTTPClientRequest) throws -> HTTPClientTransfer {
        try start(request, deadlineCoversBody: false)
    }

    private func start(_ request: HTTPClientRequest, deadlineCoversBody: Bool) throws(HTTPClientError) -> HTTPClientTransfer {
        let mailbox = try HTTPClientMailbox()
        let exchange = HTTPClientExchange(
            request: request, encoded: try request.encoded(), client: self, mailbox: mailbox, deadlineCoversBody: deadlineCoversBody)
        do {
            try LoopThread.spawn(name: "http-client") { exchange.run() }.detach()
        } catch {
            throw HTTPClientError(.system, "Cannot start a thread for the call: \(error).")
        }
        return HTTPClientTransfer(mailbox: mailbox)
    }

    /// The TLS context, made on first use.
    func tlsContext() throws(HTTPClientError) -> TLSClientContext {
        try tls.withLock { context throws(HTTPClientError) -> TLSClientContext in
            if let context { return context }
            let made = try TLSClientContext(trustedCertificatesPEM: configuration.trustedCertificatesPEM)
            context = made
            return made
        }
    }
}
