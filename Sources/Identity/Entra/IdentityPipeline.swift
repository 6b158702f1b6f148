import ARMCore
import EmulatorHTTP

/// Identity's route group: its route table in a `Router`, answered with Entra's own shapes and
/// headers rather than ARM's (no ARM middleware, no ARM headers). A path the service claims but no
/// route serves is Entra's `not_found`; a route's other methods are 405 with `Allow`, except where
/// the route answers them itself (`IdentityService.routes`).
package struct IdentityPipeline: HTTPHandler {
    package let service: IdentityService
    package let router: Router
    /// Operation ids of the routes that answer every method.
    let anyMethod: Set<String>

    package init(service: IdentityService) {
        self.service = service
        let routes = service.routes
        router = Router(routes: routes.map(\.route))
        anyMethod = Set(routes.filter(\.anyMethod).map(\.route.operationID))
    }

    package var routes: [Route] { router.routes }

    package func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let armRequest = ARMRequest(http: request)
        let method = armRequest.method
        let route: RouteMatch
        switch router.lookup(method: method, segments: armRequest.segments) {
        case .matched(let match):
            route = match
        case .methodNotAllowed(let allowed):
            // Every Entra path has one route: find it by its own method.
            guard let own = allowed.first, case .matched(let match) = router.lookup(method: own, segments: armRequest.segments) else {
                return service.notFound(request)
            }
            route = match
        case .notFound:
            return service.notFound(request)
        }
        // The router serves HEAD with GET; Entra does not.
        guard route.route.method == method || anyMethod.contains(route.route.operationID) else {
            return service.methodNotAllowed(request, allowed: route.route.method)
        }
        guard let answer = try? await route.route.handler(armRequest, route.parameters) else { return service.notFound(request) }
        return HTTPResponse(status: answer.status, headers: answer.headers, body: answer.rawBody ?? [])
    }
}
