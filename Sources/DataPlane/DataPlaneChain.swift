/// `next` for the middleware at `index`; past the last one, the matched route's handler. Steps
/// (`DataPlaneStep`) from `index` on run here one after the other; the first middleware that wraps the
/// rest of the chain gets a chain that starts after it.
struct DataPlaneChain: DataPlaneResponder {
    let middleware: [any DataPlaneMiddleware]
    /// `middleware[i] as? any DataPlaneStep`, cast once when the chain is built.
    let steps: [(any DataPlaneStep)?]
    let index: Int

    init(middleware: [any DataPlaneMiddleware]) {
        self.init(middleware: middleware, steps: middleware.map { $0 as? any DataPlaneStep }, index: 0)
    }

    private init(middleware: [any DataPlaneMiddleware], steps: [(any DataPlaneStep)?], index: Int) {
        self.middleware = middleware
        self.steps = steps
        self.index = index
    }

    nonisolated(nonsending) func respond(to request: DataPlaneRequest) async throws -> DataPlaneAnswer {
        var index = index
        while index < middleware.count, let step = steps[index] {
            try step.prepare(request)
            index += 1
        }
        guard index < middleware.count else {
            guard let route = request.route else { throw DataPlaneError.resourceNotFound() }
            return try await route.handler(request)
        }
        let rest = DataPlaneChain(middleware: middleware, steps: steps, index: index + 1)
        return try await middleware[index].respond(to: request, next: rest)
    }
}
