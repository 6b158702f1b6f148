import ARMCore
import EmulatorHTTP
import Foundation

/// What the two events of one ARM write, delete or action share: the operation and correlation
/// ids, the resource, the authorization action, the caller and its claims, the HTTP request.
public struct RecordedOperation: Sendable {
    public let operationID: String
    public let correlationID: String
    public let serviceRequestID: String
    public let resourceID: ResourceID
    public let action: String
    public let caller: Caller
    public let claims: JSONObject
    public let httpRequest: JSONObject

    public init(
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
        var claims = JSONObject()
        if let token = request.headers["Authorization"].flatMap(bearerToken), let payload = tokenPayload(token) {
            for (name, value) in payload.pairs {
                claims[claimNames[name] ?? name] = .string(value.stringValue ?? value.compactString)
            }
            return claims
        }
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

    static func bearerToken(_ header: String) -> String? {
        guard header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        return String(header.dropFirst(7))
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
