/// A response as it arrives: `head()`, then `next()` for each piece of the body. The exchange reads
/// the socket only while the previous piece has been taken, so a consumer that stops reading holds
/// at most one piece (`HTTPClientExchange.readSize` bytes) and the server is slowed by TCP.
///
/// Letting go of the transfer, cancelling the task that waits on it or calling `cancel` ends the
/// exchange: its thread closes the socket.
package final class HTTPClientTransfer: Sendable {
    private let mailbox: HTTPClientMailbox

    init(mailbox: HTTPClientMailbox) {
        self.mailbox = mailbox
    }

    deinit { mailbox.cancel(HTTPClientError.cancelled) }

    /// The response head (informational 1xx responses skipped).
    package func head() async throws -> HTTPClientResponseHead {
        while let piece = try await take() {
            if case .head(let head) = piece { return head }
        }
        throw HTTPClientError(.malformedResponse, "The response ended without a head.")
    }

    /// The next piece of the body as it arrived (decoded from its framing); nil at its end.
    package func next() async throws -> [UInt8]? {
        while let piece = try await take() {
            if case .body(let bytes) = piece { return bytes }
        }
        return nil
    }

    /// Ends the exchange; waiting and later calls throw `error`. Nothing once it has ended.
    package func cancel(_ error: any Error = HTTPClientError.cancelled) {
        mailbox.cancel(error)
    }

    /// The largest body piece ever handed over and not yet taken (the whole buffering of a transfer).
    package var maximumBufferedBytes: Int { mailbox.maximumBufferedBytes }

    /// Bytes read from the socket so far (head and framing included).
    package var bytesReceived: Int { mailbox.bytesReceived }

    private func take() async throws -> HTTPClientMailbox.Piece? {
        try await withTaskCancellationHandler {
            try await mailbox.take()
        } onCancel: { [mailbox] in
            mailbox.cancel(HTTPClientError.cancelled)
        }
    }
}
