import ARMCore
import EmulatorHTTP
import Foundation
import JSON
import Synchronization

/// What the two events of one ARM write, delete or action share: the operation and correlation
/// ids, the resource, the authorization action, the caller and its claims, the HTTP request. One
/// instance serves both events (and the completion of a long-running operation), so an event
/// itself keeps only its own few facts (`RecordedEvent`); the claims of one token are one shared
/// object for every operation of that token (`claimsByToken`). Ids are kept as 16 bytes where they
/// are GUIDs and repeated names (subscription, namespace, type, action) are interned, because the
/// log keeps up to 100,000 events (docs/performance.md).
package final class RecordedOperation: Sendable {
    package let operationID: CompactID
    package let correlationID: CompactID
    package let serviceRequestID: CompactID
    /// `resourceId`, and the parts of it the event shows and the `$filter` reads.
    package let resourceID: String
    let resourceGroupName: String
    let subscriptionID: String
    /// The namespace (`resourceProviderName`), "" at the tenant root.
    let resourceProvider: String
    let resourceType: String
    package let action: String
    /// `caller` (see `ActivityEvent.callerName`) and the caller's tenant.
    let caller: String
    let tenantID: String
    package let claims: JSONObject
    package let httpRequest: RecordedHTTPRequest

    package init(
        operationID: CompactID, correlationID: String, serviceRequestID: String, resourceID: ResourceID, action: String, caller: Caller,
        claims: JSONObject, httpRequest: RecordedHTTPRequest
    ) {
        self.operationID = operationID
        self.correlationID = CompactID(correlationID)
        self.serviceRequestID = CompactID(serviceRequestID)
        let resourceIDText = resourceID.description
        self.resourceID = resourceIDText
        resourceGroupName = resourceID.resourceGroup ?? ""
        let type = ActivityEvent.resourceType(of: resourceID)
        let callerName = ActivityEvent.callerName(caller)
        // One turn of the shared table's lock for the operation's eight names: both event loops
        // record writes, and a lock per name made them queue behind each other (perf of a PUT).
        (subscriptionID, resourceProvider, resourceType, self.action, self.caller, tenantID, self.httpRequest) = Self.names.withLock {
            names in
            (
                names.interned(resourceID.subscriptionID ?? ""), names.interned(resourceID.namespace ?? ""), names.interned(type),
                names.interned(action), names.interned(callerName), names.interned(caller.tenantId),
                httpRequest.sharing(resourceID: resourceIDText, names: &names)
            )
        }
        self.claims = claims
    }

    /// The operation of an ARM request that reached the recorder (route matched, caller known).
    convenience init(request: ARMRequest, caller: Caller) {
        let resource = ResourceID.longestPrefix(of: request.segments)
        let action = request.route?.route.action ?? Self.defaultAction(method: request.method, resource: resource)
        let headers = request.headers
        self.init(
            operationID: CompactID.newGUID(), correlationID: request.correlationID, serviceRequestID: request.requestID,
            resourceID: resource,
            action: action, caller: caller, claims: Self.claims(of: request, caller: caller),
            httpRequest: RecordedHTTPRequest(
                clientRequestID: headers["x-ms-client-request-id"] ?? request.requestID, clientIpAddress: request.http.remoteAddress,
                method: request.method, baseURL: request.baseURL, target: request.http.target))
    }

    /// Repeated names as one shared string each (`InternedNames`).
    static let names = Mutex(InternedNames())

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
        if let header = request.headers["Authorization"] {
            // The header as sent against the last one first: one `memcmp`, where taking the token
            // out of it copied its ~1.5 KB into a new string on every write (callgrind).
            if let last = lastClaims.withLock({ $0 }), last.header == header { return last.claims }
            if let token = bearerToken(header), let claims = tokenClaims(token) {
                lastClaims.withLock { $0 = (header, claims) }
                return claims
            }
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
    /// The claims of the last `Authorization` header: a client usually sends one token for all its
    /// writes, and comparing the header with the last one costs a `memcmp`, where the dictionary
    /// hashes all ~1.5 KB of the token (~1% of a PUT, perf).
    static let lastClaims = Mutex<(header: String, claims: JSONObject)?>(nil)

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
