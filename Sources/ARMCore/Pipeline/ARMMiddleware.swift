/// Anything that turns an ARM request into a response: the router at the end of the pipeline, or
/// the pipeline itself.
package protocol ARMResponder: Sendable {
    func respond(to request: ARMRequest) async throws -> ARMResponse
}

/// One step of the ARM pipeline (the order: docs/architecture.md "A request's way"). Each step may
/// answer, throw an `ARMError`, or call `next` with a possibly enriched request.
package protocol ARMMiddleware: Sendable {
    func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse
}
