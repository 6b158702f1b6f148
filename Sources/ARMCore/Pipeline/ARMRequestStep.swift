/// A pipeline step that only checks or enriches the request before the next step, and never sees
/// the response (api-version, authentication, route match, RBAC, ...): it throws its error or hands
/// on the request. The pipeline runs it synchronously (`ARMMiddleware.prepare`); as a middleware
/// it is `respond(to:next:)` around `prepared(_:)`.
package protocol ARMRequestStep: ARMMiddleware {
    func prepared(_ request: ARMRequest) throws -> ARMRequest
}

extension ARMRequestStep {
    package func prepare(_ request: ARMRequest) throws -> ARMRequest? { try prepared(request) }

    package func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        try await next.respond(to: prepared(request))
    }
}
