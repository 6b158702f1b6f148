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
        self.init(
            clientRequestID: CompactID(clientRequestID), clientIpAddress: clientIpAddress, method: method, baseURL: baseURL, target: target,
            targetFollowsResourceID: false)
    }

    private init(
        clientRequestID: CompactID, clientIpAddress: String, method: String, baseURL: String, target: String, targetFollowsResourceID: Bool
    ) {
        self.clientRequestID = clientRequestID
        self.clientIpAddress = clientIpAddress
        self.method = method
        self.baseURL = baseURL
        self.target = target
        self.targetFollowsResourceID = targetFollowsResourceID
    }

    /// The same request as the log keeps it: its client address and base URL shared through
    /// `names`, and only the part of its target after `resourceID` when the target starts with it
    /// byte for byte.
    func sharing(resourceID: String, names: inout InternedNames) -> RecordedHTTPRequest {
        let follows = !targetFollowsResourceID && target.hasBytePrefix(resourceID)
        return RecordedHTTPRequest(
            clientRequestID: clientRequestID, clientIpAddress: names.interned(clientIpAddress), method: method,
            baseURL: names.interned(baseURL),
            target: follows ? String(decoding: target.utf8.dropFirst(resourceID.utf8.count), as: UTF8.self) : target,
            targetFollowsResourceID: targetFollowsResourceID || follows)
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
