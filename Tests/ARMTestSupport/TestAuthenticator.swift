import ARMCore
import Identity

/// Stands in for the authentication step of the ARM pipeline, and only for it: the caller is the
/// directory's principal named by `X-Test-Principal` (an object id), else `defaultCaller`. Like
/// `AuthenticationMiddleware`, an internal request keeps the caller it was sent for.
package struct TestAuthenticator: ARMMiddleware {
    package let directory: Directory?
    package let defaultCaller: Caller

    package init(directory: Directory? = nil, defaultCaller: Caller = .wellKnownOperator) {
        self.directory = directory
        self.defaultCaller = defaultCaller
    }

    package func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        if request.isInternal, request.caller != nil { return try await next.respond(to: request) }
        var request = request
        request.caller = request.headers["X-Test-Principal"].map(caller(objectId:)) ?? defaultCaller
        return try await next.respond(to: request)
    }

    func caller(objectId: String) -> Caller {
        switch directory?.principal(objectId: objectId) {
        case .servicePrincipal(let sp):
            Caller(objectId: sp.objectId, tenantId: sp.tenantId, appId: sp.appId, principalType: .servicePrincipal)
        case .user(let user):
            Caller(objectId: user.objectId, tenantId: user.tenantId, principalType: .user, userPrincipalName: user.userPrincipalName)
        case .managedIdentity(let identity):
            Caller(objectId: identity.objectId, tenantId: identity.tenantId, appId: identity.clientId, principalType: .managedIdentity)
        case nil:
            Caller(objectId: objectId, tenantId: WellKnown.tenantId, appId: objectId, principalType: .servicePrincipal)
        }
    }
}
