import ARMCore

/// Stands in for the authentication middleware in in-process pipelines of the test suites: every
/// request comes from `caller`, except internal requests, which keep the caller they were sent as
/// (as the authentication middleware does).
public struct FixedCallerMiddleware: ARMMiddleware {
    public let caller: Caller

    public init(caller: Caller) {
        self.caller = caller
    }

    public func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        var request = request
        if !request.isInternal || request.caller == nil { request.caller = caller }
        return try await next.respond(to: request)
    }
}
