import ARMCore
import JSON

/// `httpRequest` of an operation's events: kept as the request's own strings (the target is the
/// request line's, the base URL one shared string per listener) and printed when an event is read.
package struct RecordedHTTPRequest: Sendable {
    let clientRequestID: CompactID
    let clientIpAddress: String
    let method: String
    /// `uri` is `baseURL + target`.
    let baseURL: String
    let target: String

    package init(clientRequestID: String, clientIpAddress: String, method: String, baseURL: String, target: String) {
        self.clientRequestID = CompactID(clientRequestID)
        self.clientIpAddress = clientIpAddress
        self.method = method
        self.baseURL = RecordedOperation.interned(baseURL)
        self.target = target
    }

    var json: JSONObject {
        JSONObject([
            ("clientRequestId", .string(clientRequestID.description)),
            ("clientIpAddress", .string(clientIpAddress)),
            ("method", .string(method)),
            ("uri", .string(baseURL + target)),
        ])
    }
}
