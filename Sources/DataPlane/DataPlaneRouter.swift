/// The data plane's route table: the first route whose path fits and whose method matches; a path
/// that fits with another method is 405, a path that fits nothing 404 (the gateway's answers).
package struct DataPlaneRouter: Sendable {
    package let routes: [DataPlaneRoute]

    package init(routes: [DataPlaneRoute]) {
        self.routes = routes
    }

    package func match(method: String, segments: [String]) throws -> (DataPlaneRoute, [String: String]) {
        var allowed: [String] = []
        for route in routes {
            guard let parameters = route.match(segments) else { continue }
            if route.method == method { return (route, parameters) }
            allowed.append(route.method)
        }
        if !allowed.isEmpty { throw DataPlaneError.methodNotAllowed(method, allowed: allowed) }
        throw DataPlaneError.resourceNotFound()
    }
}
