import ARMCore
import EmulatorHTTP
import Foundation
import JSON
import Synchronization

/// What the two events of one ARM write, delete or action share: the operation and correlation
/// ids, the resource, the authorization action, the caller and its claims, the HTTP request.
package struct RecordedOperation: Sendable {
    package let operationID: String
    package let correlationID: String
    package let serviceRequestID: String
    package let resourceID: ResourceID
    package let action: String
    package let caller: Caller
    package let claims: JSONObject
    package let httpRequest: JSONObject

    package init(
        operationID: String, correlationID: String, serviceRequestID: String, resourceID: ResourceID, action: String, caller: Caller,
        claims: JSONObject, httpRequest: JSONObject
    ) {
        self.operationID = operationID
        self.correlationID = correlationID
        self.serviceRequestID = serviceRequestID
        self.resourceID = resourceID
        self.action = action
        self.caller = caller
        self.claims = claims
        self.httpRequest = httpRequest
    }

    /// The operation of an ARM request that reached the recorder (route matched, caller known).
    init(request: ARMRequest, caller: Caller) {
        let resource = ResourceID.longestPrefix(of: request.segments)
        let action = request.route?.route.action ?? Self.defaultAction(method: request.method, resource: resource)
        let headers = request.headers
        self.init(
            operationID: newGUID(), correlationID: request.correlationID, serviceRequestID: request.requestID, resourceID: resource,
            action: action, caller: caller, claims: Self.claims(of: request, caller: caller),
            httpRequest: JSONObject([
                ("clientRequestId", .string(headers["x-ms-client-request-id"] ?? request.requestID)),
                ("clientIpAddress", .string(request.http.remoteAddress)),
                ("method", .string(request.method)),
                ("uri", .string(request.baseURL + request.http.target)),
            ]))
    }

    /// `{type}/write|delete|action` for routes that declare no RBAC action.
    static func defaultAction(method: String, resource: ResourceID) -> String {
        let verb =
            switch method {
            case "DELETE": "delete"
            case "POST": "action"
            default: "write"
            }
        return ActivityEvent.resourceType(of: resource) + "/" + verb
    }

    /// The token's claims as the activity log shows them (`{string: string}`; nested values are
    /// stringified, and v1 names use the claim URIs of the schema doc's sample); for internal
    /// requests, which carry no token, the claims of the caller they run as.
    static func claims(of request: ARMRequest, caller: Caller) -> JSONObject {
        if let token = request.headers["Authorization"].flatMap(bearerToken), let claims = tokenClaims(token) {
            return claims
        }
        var claims = JSONObject()
        claims["http://schemas.microsoft.com/identity/claims/objectidentifier"] = .string(caller.objectId)
        claims["http://schemas.microsoft.com/identity/claims/tenantid"] = .string(caller.tenantId)
        if let appId = caller.appId { claims["appid"] = .string(appId) }
        if let upn = caller.userPrincipalName { claims["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"] = .string(upn) }
        if let name = caller.displayName { claims["name"] = .string(name) }
        return claims
    }

    /// Short JWT claim names -> the URIs the activity log uses (schema doc, Administrative sample).
    static let claimNames: [String: String] = [
        "oid": "http://schemas.microsoft.com/identity/claims/objectidentifier",
        "tid": "http://schemas.microsoft.com/identity/claims/tenantid",
        "upn": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
        "scp": "http://schemas.microsoft.com/identity/claims/scope",
        "unique_name": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        "given_name": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
        "family_name": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
        "amr": "http://schemas.microsoft.com/claims/authnmethodsreferences",
    ]

    /// Counted in UTF-8 bytes: `count` walks a kilobyte of token as Characters.
    static func bearerToken(_ header: String) -> String? {
        let scheme = header.utf8.prefix(7)
        guard header.utf8.count > 7, scheme.elementsEqual("bearer ".utf8, by: { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }) else {
            return nil
        }
        return String(header.dropFirst(7))
    }

    /// Claims by bearer token: a client sends one token for up to an hour, and decoding it (base64url,
    /// JSON) on every write was a third of a PUT's CPU (docs/performance.md). Starts over when full.
    static let claimsByToken = Mutex<[String: JSONObject]>([:])

    /// The claims of a token as `claims(of:caller:)` shows them; nil when it is not a JWT.
    static func tokenClaims(_ token: String) -> JSONObject? {
        if let cached = claimsByToken.withLock({ $0[token] }) { return cached }
        guard let payload = tokenPayload(token) else { return nil }
        var claims = JSONObject()
        for (name, value) in payload.pairs {
            claims[claimNames[name] ?? name] = .string(value.stringValue ?? value.compactString)
        }
        claimsByToken.withLock { cache in
            if cache.count >= 256 { cache.removeAll() }
            cache[token] = claims
        }
        return claims
    }

    /// The payload of a JWT the authentication step has already verified.
    static func tokenPayload(_ token: String) -> JSONObject? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.utf8.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let value = try? JSONParser.parse(Array(data)) else { return nil }
        return value.objectValue
    }
}
