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
            self.segments = http.path.nonEmptyPathSegments.map(\.removingPercentEncodingLeniently)
            self.query = QueryParameters(http.query ?? "")
            self.requestID = newGUID()
            self.correlationID = http.headers["x-ms-correlation-request-id"] ?? newGUID()
        }
    }
}
