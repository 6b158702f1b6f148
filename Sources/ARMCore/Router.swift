/// Finds the route for a method and decoded path segments. Literal segments compare
/// case-insensitively (ARM RPC "Case Insensitivity for Requests").
public final class Router: Sendable {
    public enum Lookup: Sendable {
        case matched(RouteMatch)
        /// The path exists with other methods.
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    public let routes: [Route]
    private let compiled: [(route: Route, segments: [RouteSegment])]

    public init(routes: [Route]) {
        self.routes = routes
        self.compiled = routes.map { route in
            (route, route.segments.map { segment in
                if case .literal(let text) = segment { return .literal(text.lowercased()) }
                return segment
            })
        }
    }

    public func lookup(method: String, segments: [String]) -> Lookup {
        let lowered = segments.map { $0.lowercased() }
        var allowed: [String] = []
        for (route, pattern) in compiled where pattern.count == segments.count {
            var parameters: [String: String] = [:]
            var matches = true
            for (index, segment) in pattern.enumerated() {
                switch segment {
                case .literal(let text):
                    if text != lowered[index] { matches = false }
                case .parameter(let name):
                    parameters[name] = segments[index]
                }
                if !matches { break }
            }
            guard matches else { continue }
            if route.method == method || (method == "HEAD" && route.method == "GET" && !hasHead(pattern)) {
                return .matched(RouteMatch(route: route, parameters: RouteParameters(parameters)))
            }
            allowed.append(route.method)
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    private func hasHead(_ pattern: [RouteSegment]) -> Bool {
        compiled.contains { $0.route.method == "HEAD" && $0.segments == pattern }
    }
}
