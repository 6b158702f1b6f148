import ARMCore
import Foundation
import JSON

/// Building and sending the account-scoped call for a workspace-scoped one.
extension ControlPlaneProxy {
    /// Forwards `{account}{suffix}?api-version=...` to the target's resource manager.
    func forward(
        _ method: String, to target: ProxyTarget, suffix: String, request: ARMRequest, body: JSONValue? = nil
    ) async throws -> ForwardedResponse {
        let path = target.accountID.description.percentEncodedPath + suffix.percentEncodedPath
        return try await forwarder.send(
            method, base: base(of: target, request), pathAndQuery: path + "?api-version=" + proxyAPIVersion(request), body: body,
            onBehalfOf: request.caller, correlationID: request.correlationID)
    }

    /// A list at the target, every page of it (`nextLink` followed, at most 100 pages), or the
    /// target's error to pass through.
    func forwardList(_ target: ProxyTarget, suffix: String, request: ARMRequest) async throws -> Result<[JSONValue], ForwardedResponse> {
        var reply = try await forward("GET", to: target, suffix: suffix, request: request)
        var items: [JSONValue] = []
        for _ in 0..<100 {
            guard reply.isSuccess else { return .failure(reply) }
            items += reply.body?["value"]?.arrayValue ?? []
            guard let next = reply.body?["nextLink"]?.stringValue, !next.isEmpty, let url = URLComponents(string: next),
                let scheme = url.scheme, let host = url.host
            else { break }
            let base = scheme + "://" + (host.contains(":") ? "[\(host)]" : host) + (url.port.map { ":\($0)" } ?? "")
            let pathAndQuery = url.percentEncodedPath + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
            reply = try await forwarder.send(
                "GET", base: base, pathAndQuery: pathAndQuery, body: nil, onBehalfOf: request.caller,
                correlationID: request.correlationID)
        }
        return .success(items)
    }
}

extension String {
    /// Percent-encodes what a path segment may not carry (names are validated, but account ids
    /// come from connection metadata).
    var percentEncodedPath: String {
        addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? self
    }
}
