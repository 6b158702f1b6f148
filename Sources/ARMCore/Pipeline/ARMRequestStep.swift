/// A pipeline step that only checks or enriches the request before the next step, and never sees
/// the response (api-version, authentication, route match, RBAC, ...): it throws its error or
/// changes the request in place. The pipeline runs it synchronously (`ARMMiddleware.passOn`); as
/// a middleware it is `respond(to:next:)` around `prepare(_:)`.
package protocol ARMRequestStep: ARMMiddleware {
    func prepare(_ request: inout ARMRequest) throws
}

extension ARMRequestStep {
    package func passOn(_ request: inout ARMRequest) throws -> Bool {
        try prepare(&request)
        return true
    }

    package func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        var request = request
        try prepare(&request)
        return try await next.respond(to: request)
    }
}
