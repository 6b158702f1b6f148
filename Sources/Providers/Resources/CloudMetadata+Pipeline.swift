import ARMCore

extension CloudMetadata {
    /// The public pipeline that serves `/metadata/endpoints`: api-version, then route match, no
    /// authentication. The emulator and the tests both build it here.
    package func pipeline() -> ARMPipeline {
        let router = Router(routes: routes)
        return ARMPipeline(middleware: [APIVersionMiddleware(), RouteMatchMiddleware(router: router)], router: router)
    }
}
