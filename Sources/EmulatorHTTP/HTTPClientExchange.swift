/// One request and its response, on a connection of its own, run start to end on a thread of its
/// own: blocking there is fine (the thread exists for this call only, and every wait is a poll that
/// a deadline or the consumer's cancel ends), and it keeps event loops and the cooperative pool free.
struct HTTPClientExchange: Sendable {
    let request: HTTPClientRequest
    let encoded: [UInt8]
    let client: HTTPClient
    let mailbox: HTTPClientMailbox
    /// `send` (true): the deadline covers the whole body; a stream's covers its head only.
    let deadlineCoversBody: Bool

    /// Bytes asked of each read: also the largest piece handed to the consumer.
    static let readSize = 16 * 1024

    func run() {
        let connection = HTTPClientConnection(url: request.url, mailbox: mailbox)
        do {
            try exchange(on: connection)
            mailbox.finish(.success(()))
        } catch {
            mailbox.finish(.failure(error))
        }
    }

    private func exchange(on connection: HTTPClientConnection) throws(HTTPClientError) {
        let configuration = client.configuration
        let url = request.url
        let overall = HTTPClientConnection.Deadline(
            at: MonotonicClock.now() &+ MonotonicClock.nanoseconds(configuration.timeout),
            error: HTTPClientError(.timeout, "\(url.hostField) did not answer within \(Self.seconds(configuration.timeout))."))
        try connection.connect(deadline: overall)
        if url.isTLS { try connection.startTLS(try client.tlsContext(), deadline: overall) }
        try connection.write(encoded, deadline: overall)

        var parser = HTTPClientResponseParser(requestMethod: request.method, maximumHeadBytes: configuration.maximumHeadBytes)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readSize, alignment: 1)
        defer { buffer.deallocate() }
        /// Reads more into the parser; false once the server closed its side.
        func readMore(bounded: Bool) throws(HTTPClientError) -> Bool {
            var deadline = bounded ? overall : nil
            if let idle = configuration.idleTimeout {
                let at = MonotonicClock.now() &+ MonotonicClock.nanoseconds(idle)
                if deadline == nil || at < deadline!.at {
                    deadline = .init(at: at, error: HTTPClientError(.timeout, "\(url.hostField) sent nothing for \(Self.seconds(idle))."))
                }
            }
            let count = try connection.read(into: buffer, deadline: deadline)
            mailbox.count(received: count)
            guard count > 0 else { return false }
            parser.push(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            return true
        }

        var head: HTTPClientResponseHead?
        while head == nil {
            guard try readMore(bounded: true) else {
                throw HTTPClientError(.malformedResponse, "\(url.hostField) closed the connection before the end of the response head.")
            }
            head = try parser.head()
        }
        try mailbox.deliver(.head(head!))
        while true {
            let bytes = try parser.body()
            if !bytes.isEmpty { try mailbox.deliver(.body(bytes)) }
            if parser.isComplete { return }
            guard try readMore(bounded: deadlineCoversBody) else {
                try parser.end()
                return
            }
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
