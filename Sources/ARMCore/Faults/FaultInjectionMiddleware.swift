/// The pipeline's fault-injection step (docs/architecture.md "A request's way": after authorization, before the
/// handler): the global latency, then the first matching fault rule's delay and error or
/// operation failure. Sleeping suspends the request's task, never the event loop.
package struct FaultInjectionMiddleware: ARMMiddleware {
    package let injector: FaultInjector

    package init(injector: FaultInjector) {
        self.injector = injector
    }

    /// Nothing to do without a latency or a rule: the request goes on as it is.
    package func passOn(_ request: inout ARMRequest) throws -> Bool {
        injector.isIdle
    }

    package func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        let latency = injector.globalDelayMilliseconds()
        if latency > 0 { try? await Task.sleep(for: .milliseconds(latency)) }
        guard let rule = injector.take(method: request.method, path: request.path) else {
            return try await next.respond(to: request)
        }
        if rule.delayMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(rule.delayMilliseconds)) }
        if let error = rule.error(for: request) { throw error }
        guard rule.failOperation else { return try await next.respond(to: request) }
        var request = request
        request.injectedOperationFailure = rule.operationError
        return try await next.respond(to: request)
    }
}
