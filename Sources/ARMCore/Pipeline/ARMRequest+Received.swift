import EmulatorHTTP

extension ARMRequest {
    /// The part of an `ARMRequest` that never changes after it is built (see `ARMRequest.received`).
    final class Received: Sendable {
        let http: HTTPRequest
        let method: String
        let segments: [String]
        let query: QueryParameters
        let requestID: String
        let correlationID: String
        /// Built when asked for: most requests never need it.
        var baseURL: String { http.baseURL }

        init(http: HTTPRequest) {
            self.http = http
            self.method = http.method.uppercased()
            // Decoded in place: most segments have no `%`, and a mapped copy was a second array.
            // Most paths have none at all: one look over the contiguous path first (asking each
            // segment's `UTF8View` was 1% of a GET's CPU, perf).
            var path = http.path
            var segments = path.nonEmptyPathSegments
            if path.withUTF8({ $0.contains(UInt8(ascii: "%")) }) {
                for index in segments.indices where segments[index].utf8.contains(UInt8(ascii: "%")) {
                    segments[index] = segments[index].removingPercentEncodingLeniently
                }
            }
            self.segments = segments
            self.query = QueryParameters(http.query ?? "")
            self.requestID = newGUID()
            self.correlationID = http.headers["x-ms-correlation-request-id"] ?? newGUID()
        }
    }
}
