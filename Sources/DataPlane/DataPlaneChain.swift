/// `next` for the middleware at `index`; past the last one, the matched route's handler.
struct DataPlaneChain: DataPlaneResponder {
    let middleware: [any DataPlaneMiddleware]
    let index: Int

    nonisolated(nonsending) func respond(to request: DataPlaneRequest) async throws -> DataPlaneAnswer {
        guard index < middleware.count else {
            guard let route = request.route else { throw DataPlaneError.resourceNotFound() }
            return try await route.handler(request)
        }
        return try await middleware[index].respond(to: request, next: DataPlaneChain(middleware: middleware, index: index + 1))
    }
}
