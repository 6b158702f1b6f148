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
    /// The request target; or, when `targetFollowsResourceID`, what follows the operation's
    /// resource id in it (`?api-version=…`: short enough to live inside the String value, where
    /// the whole target is a heap object per operation; docs/performance.md).
    let target: String
    let targetFollowsResourceID: Bool

    package init(clientRequestID: String, clientIpAddress: String, method: String, baseURL: String, target: String) {
        self.clientRequestID = CompactID(clientRequestID)
        self.clientIpAddress = RecordedOperation.interned(clientIpAddress)
        self.method = method
        self.baseURL = RecordedOperation.interned(baseURL)
        self.target = target
        targetFollowsResourceID = false
    }

    private init(_ request: RecordedHTTPRequest, target: String) {
        clientRequestID = request.clientRequestID
        clientIpAddress = request.clientIpAddress
        method = request.method
        baseURL = request.baseURL
        self.target = target
        targetFollowsResourceID = true
    }

    /// The same request keeping only the part of its target after `resourceID`, when the target
    /// starts with it byte for byte.
    func sharing(resourceID: String) -> RecordedHTTPRequest {
        guard !targetFollowsResourceID, target.utf8.starts(with: resourceID.utf8) else { return self }
        return RecordedHTTPRequest(self, target: String(decoding: target.utf8.dropFirst(resourceID.utf8.count), as: UTF8.self))
    }

    /// `httpRequest` of an event of the operation on `resourceID`.
    func json(resourceID: String) -> JSONObject {
        JSONObject([
            ("clientRequestId", .string(clientRequestID.description)),
            ("clientIpAddress", .string(clientIpAddress)),
            ("method", .string(method)),
            ("uri", .string(targetFollowsResourceID ? baseURL + resourceID + target : baseURL + target)),
        ])
    }
}
