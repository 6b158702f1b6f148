/// Finds the route for a method and decoded path segments. Literal segments compare
/// case-insensitively (ARM RPC "Case Insensitivity for Requests").
///
/// Routes are compiled into a segment trie: each node has children keyed by lower-cased literal
/// and one parameter branch. A lookup walks the path once, trying the literal child before the
/// parameter branch (so `/providers/Microsoft.CognitiveServices/…` wins over
/// `/providers/{namespace}/…`) and backtracking only when a branch dead-ends; its cost depends
/// on the path length, not on the number of routes.
package final class Router: Sendable {
    package enum Lookup: Sendable {
        case matched(RouteMatch)
        /// The path exists with other methods.
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    package let routes: [Route]
    private let root: TrieNode
    /// Lower-cased literal segments that follow a literal `providers` in some pattern.
    package let knownNamespaces: Set<String>

    package init(routes: [Route]) {
        self.routes = routes
        let builder = TrieBuilder()
        var namespaces = Set<String>()
        for route in routes {
            let segments = route.segments
            var node = builder
            var parameterNames: [String] = []
            for (index, segment) in segments.enumerated() {
                switch segment {
                case .literal(let text):
                    let lowered = text.lowercased()
                    node = node.literalChild(lowered)
                    if index > 0, case .literal(let previous) = segments[index - 1], previous.lowercased() == "providers" {
                        namespaces.insert(lowered)
                    }
                case .parameter(let name):
                    node = node.parameterChild()
                    parameterNames.append(name)
                case .scope(let name):
                    node = node.scopeChild()
                    parameterNames.append(name)
                }
            }
            node.endpoints.append(TrieEndpoint(route: route, parameterNames: parameterNames))
        }
        self.root = builder.freeze()
        self.knownNamespaces = namespaces
    }

    /// Collects the routes of several features.
    package convenience init(providers: [any RouteProvider]) {
        self.init(routes: providers.flatMap(\.routes))
    }

    package func isKnownNamespace(_ namespace: String) -> Bool {
        knownNamespaces.contains(namespace.lowercased())
    }

    package func lookup(method: String, segments: [String]) -> Lookup {
        // A segment without upper-case or non-ASCII bytes is its own lower-case form: no new string
        // (a subscription id, a resource name) for most of a path.
        let lowered = segments.map(\.lowercasedIfNeeded)
        let method = method.uppercased()
        var values: [String] = []
        values.reserveCapacity(segments.count)
        var allowed: [String] = []
        var match: RouteMatch?
        search(root, depth: 0, lowered: lowered, segments: segments, values: &values, method: method, allowed: &allowed, match: &match)
        if let match { return .matched(match) }
        // GET also serves HEAD (RFC 9110 section 9.3.2), so a 405 lists it.
        if allowed.contains("GET") && !allowed.contains("HEAD") { allowed.append("HEAD") }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    /// Depth-first, literal before parameter. Stops at the first endpoint set serving `method`
    /// (GET serves HEAD where no HEAD route exists); collects the other methods for a 405.
    private func search(
        _ node: TrieNode, depth: Int, lowered: [String], segments: [String], values: inout [String], method: String,
        allowed: inout [String], match: inout RouteMatch?
    ) {
        if depth == lowered.count {
            guard !node.endpoints.isEmpty else { return }
            let endpoint =
                node.endpoints.first { $0.route.method == method }
                ?? (method == "HEAD" && !node.endpoints.contains { $0.route.method == "HEAD" }
                    ? node.endpoints.first { $0.route.method == "GET" } : nil)
            if let endpoint {
                match = RouteMatch(route: endpoint.route, parameters: RouteParameters(names: endpoint.parameterNames, values: values))
            } else {
                for endpoint in node.endpoints where !allowed.contains(endpoint.route.method) { allowed.append(endpoint.route.method) }
            }
            return
        }
        if let child = node.literals[lowered[depth]] {
            search(
                child, depth: depth + 1, lowered: lowered, segments: segments, values: &values, method: method, allowed: &allowed,
                match: &match)
            if match != nil { return }
        }
        if let child = node.parameter {
            values.append(segments[depth])
            search(
                child, depth: depth + 1, lowered: lowered, segments: segments, values: &values, method: method, allowed: &allowed,
                match: &match)
            if match != nil { return }
            values.removeLast()
        }
        // A `{scope}` branch is tried last, so ordinary routes never pay for it. The scope takes
        // the longest run of segments first (an assignment on a child resource rather than a
        // shorter misreading), down to none at all (the tenant root `/`).
        if let child = node.scope {
            var end = lowered.count
            while end >= depth {
                if end == lowered.count ? !child.endpoints.isEmpty : child.continues(with: lowered[end]) {
                    values.append("/" + segments[depth..<end].joined(separator: "/"))
                    search(
                        child, depth: end, lowered: lowered, segments: segments, values: &values, method: method, allowed: &allowed,
                        match: &match)
                    if match != nil { return }
                    values.removeLast()
                }
                end -= 1
            }
        }
    }
}

struct TrieEndpoint: Sendable {
    let route: Route
    /// Names of the pattern's parameters, in path order.
    let parameterNames: [String]
}

/// An immutable trie node.
final class TrieNode: Sendable {
    let literals: [String: TrieNode]
    let parameter: TrieNode?
    /// The `{scope}` branch (many segments).
    let scope: TrieNode?
    let endpoints: [TrieEndpoint]

    init(literals: [String: TrieNode], parameter: TrieNode?, scope: TrieNode?, endpoints: [TrieEndpoint]) {
        self.literals = literals
        self.parameter = parameter
        self.scope = scope
        self.endpoints = endpoints
    }

    /// Whether a path may go on from here with this (lower-cased) segment.
    func continues(with segment: String) -> Bool {
        literals[segment] != nil || parameter != nil || scope != nil
    }
}

/// The mutable trie used while compiling routes.
private final class TrieBuilder {
    var literals: [String: TrieBuilder] = [:]
    var parameter: TrieBuilder?
    var scope: TrieBuilder?
    var endpoints: [TrieEndpoint] = []

    func literalChild(_ text: String) -> TrieBuilder {
        if let child = literals[text] { return child }
        let child = TrieBuilder()
        literals[text] = child
        return child
    }

    func parameterChild() -> TrieBuilder {
        if let parameter { return parameter }
        let child = TrieBuilder()
        parameter = child
        return child
    }

    func scopeChild() -> TrieBuilder {
        if let scope { return scope }
        let child = TrieBuilder()
        scope = child
        return child
    }

    func freeze() -> TrieNode {
        TrieNode(
            literals: literals.mapValues { $0.freeze() }, parameter: parameter?.freeze(), scope: scope?.freeze(),
            endpoints: endpoints)
    }
}
