import ARMCore

/// Stands in for the authentication middleware in in-process pipelines of the test suites: every
/// request comes from `caller`.
public struct FixedCallerMiddleware: ARMMiddleware {
    public let caller: Caller

    public init(caller: Caller) {
        self.caller = caller
    }

    public func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        var request = request
        request.caller = caller
        return try await next.respond(to: request)
    }
}
