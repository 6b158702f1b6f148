/// Anything that turns an ARM request into a response: the router at the end of the pipeline, or
/// the pipeline itself.
///
/// The requirements here and in `ARMMiddleware` are `nonisolated(nonsending)` (SE-0461): a step runs
/// on its caller's executor (the connection's event loop) instead of hopping through the generic
/// executor at every link of the chain (docs/performance.md "Hot path").
package protocol ARMResponder: Sendable {
    nonisolated(nonsending) func respond(to request: ARMRequest) async throws -> ARMResponse
}

/// One step of the ARM pipeline (the order: docs/architecture.md "A request's way"). Each step may
/// answer, throw an `ARMError`, or call `next` with a possibly enriched request.
package protocol ARMMiddleware: Sendable {
    /// The step without its `await`: true when this step is done with the request (changed in
    /// place for the next step) and has nothing to do with the response; false, the request
    /// untouched, when `respond(to:next:)` must run (it waits, answers itself or looks at the
    /// response). The pipeline asks this first, so a step that only checks or enriches the
    /// request costs no async frame and no copy of the request (docs/performance.md "Hot path").
    func passOn(_ request: inout ARMRequest) throws -> Bool

    nonisolated(nonsending) func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse
}

extension ARMMiddleware {
    package func passOn(_ request: inout ARMRequest) throws -> Bool { false }
}
