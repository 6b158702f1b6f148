/// A response body produced as it goes (server-sent events). The server runs `produce` on a task
/// once the response head is queued; each `write` becomes one chunk on the wire. Returning ends the
/// body; throwing aborts it (the connection closes without the last chunk, so the client can tell).
///
///     HTTPResponse(status: 200, headers: HTTPHeaders([("Content-Type", "text/event-stream")]),
///                  stream: HTTPBodyStream { writer in
///                      for event in events { try await writer.write(Array("data: \(event)\n\n".utf8)) }
///                  })
package struct HTTPBodyStream: Sendable {
    package let produce: @Sendable (HTTPBodyWriter) async throws -> Void

    package init(_ produce: @escaping @Sendable (HTTPBodyWriter) async throws -> Void) {
        self.produce = produce
    }
}
