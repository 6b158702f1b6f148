import EmulatorHTTP

/// One top-level route group (docs/architecture.md "A request's way"): the paths it claims, the handler that
/// answers them (a pipeline with the group's own middleware) and its routes for the route inventory.
/// `EmulatorHandler` asks the groups in order; the first that claims a request answers it.
struct RouteGroup: Sendable {
    /// The group's name in the route inventory (`arm`, `identity`, `dataplane`, ...).
    let name: String
    /// Whether the group answers a request, given the request and its first path segment, lower-cased.
    let claims: @Sendable (HTTPRequest, String) -> Bool
    let handler: nonisolated(nonsending) @Sendable (HTTPRequest) async -> HTTPResponse
    /// Its routes (method, path template, operation id).
    let routes: [RouteInventoryEntry]
    /// False for the data plane, which writes its own access-log line (deployment, tokens).
    var writesAccessLog = true

    /// A group for every path whose first segment is `segment` (case-insensitively).
    static func under(
        _ segment: String, name: String, routes: [RouteInventoryEntry], handler: @escaping @Sendable (HTTPRequest) async -> HTTPResponse
    ) -> RouteGroup {
        RouteGroup(name: name, claims: { _, first in first == segment }, handler: handler, routes: routes)
    }
}
