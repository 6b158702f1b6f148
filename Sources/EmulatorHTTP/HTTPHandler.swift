/// What the server calls for every complete request. It never throws: errors are responses.
/// The server keeps responses on one connection in request order (pipelining). `nonisolated(nonsending)`
/// (SE-0461): the handler runs on the executor of the task that calls it, the connection's loop,
/// with no executor switch on the way in.
package protocol HTTPHandler: Sendable {
    nonisolated(nonsending) func handle(_ request: HTTPRequest) async -> HTTPResponse
}
