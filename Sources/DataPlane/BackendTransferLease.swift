/// Holds a streamed transfer for the body that will pass it through. The session keeps the
/// transfer alive while it runs, so its own lifetime says nothing; this lease, captured by the
/// body's producer, ends the upstream call when the body is dropped without ever being written
/// (the answer discarded, the connection gone before the head was sent) instead of reading the
/// backend's stream into memory until it ends. After a complete pass-through it does nothing.
final class BackendTransferLease: Sendable {
    let transfer: BackendTransfer

    init(_ transfer: BackendTransfer) {
        self.transfer = transfer
    }

    deinit { transfer.fail(CancellationError()) }
}
