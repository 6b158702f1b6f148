/// Finds the route of a request and sets `request.route` (and with it `request.resourceID`), or
/// answers as ARM does (the subscription was checked before, by Identity's `SubscriptionMiddleware`):
/// - the path exists with other methods -> 405 `MethodNotAllowed`;
/// - a path under `/providers/{ns}` with a namespace nobody serves -> 404 `InvalidResourceNamespace`;
/// - a known namespace with an unknown type -> 404 `InvalidResourceType` (docs/azure-behaviours.md "api-version");
/// - anything else -> 404 `NotFound` (`noRouteFound`).
package struct RouteMatchMiddleware: ARMRequestStep {
    package let router: Router

    package init(router: Router) {
        self.router = router
    }

    package func prepare(_ request: inout ARMRequest) throws {
        request.route = try Self.match(request, router: router)
    }

    package static func match(_ request: ARMRequest, router: Router) throws -> RouteMatch {
        switch router.lookup(method: request.method, segments: request.segments) {
        case .matched(let match):
            return match
        case .methodNotAllowed(let allowed):
            throw ARMError.methodNotAllowed(request.method, path: request.path, allowed: allowed)
        case .notFound:
            throw notFound(request, router: router)
        }
    }

    /// The 404 for a path no route serves.
    static func notFound(_ request: ARMRequest, router: Router) -> ARMError {
        let segments = request.segments
        guard let index = segments.indices.last(where: { segments[$0].lowercased() == "providers" && $0 + 1 < segments.count }) else {
            return .noRouteFound(request.path)
        }
        let namespace = segments[index + 1]
        guard router.isKnownNamespace(namespace) else { return .invalidResourceNamespace(namespace) }
        // Type segments sit at even offsets after the namespace: {type}/{name}/{childType}/…
        let typeSegments = stride(from: index + 2, to: segments.count, by: 2).map { segments[$0] }
        guard !typeSegments.isEmpty else { return .noRouteFound(request.path) }
        return .invalidResourceType(typeSegments.joined(separator: "/"), namespace: namespace, apiVersion: request.apiVersion ?? "")
    }
}
