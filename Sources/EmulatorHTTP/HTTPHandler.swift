/// What the server calls for every complete request. It never throws: errors are responses.
/// The server keeps responses on one connection in request order (pipelining).
package protocol HTTPHandler: Sendable {
    func handle(_ request: HTTPRequest) async -> HTTPResponse
}
