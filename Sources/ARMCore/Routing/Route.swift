/// One ARM operation: a method and a path pattern, the operation id it implements (for logs and
/// the OpenAPI document), the RBAC action it needs, and its handler.
package struct Route: Sendable {
    package typealias Handler = nonisolated(nonsending) @Sendable (ARMRequest, RouteParameters) async throws -> ARMResponse

    package let method: String
    /// Canonical path pattern with `{parameter}` segments, e.g.
    /// `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}`. Literal segments match
    /// case-insensitively; the canonical casing here is what responses use.
    package let pattern: String
    /// e.g. `ResourceGroups_Get`.
    package let operationID: String
    /// The RBAC action, e.g. `Microsoft.Resources/subscriptions/resourceGroups/read`; nil when ARM
    /// checks none (listing subscriptions, tenants).
    package let action: String?
    package let handler: Handler
    /// Pattern segments: `.literal` (lower-cased for matching), `.parameter(name)`, or
    /// `.scope(name)` for `{scope}`.
    package let segments: [RouteSegment]
    /// Whether `ResourceGroupMiddleware` answers 404 `ResourceGroupNotFound` before the handler
    /// when the target's resource group does not exist; false for the routes that answer for a
    /// missing group themselves (`skippingResourceGroupCheck()`).
    package private(set) var checksResourceGroup = true
    /// A list ARM answers with what the caller can read instead of a 403: the authorization step
    /// lets it through with a `ReadFilter` (`filteringByReadAccess()`).
    package private(set) var filtersByReadAccess = false
    /// The pattern of the route's target when its own path does not spell it (`targeting(_:)`);
    /// nil: the longest resource id in the path (`Route+ResourceID.swift`).
    package private(set) var target: [RouteSegment]?

    package init(_ method: String, _ pattern: String, operationID: String, action: String?, handler: @escaping Handler) {
        self.method = method.uppercased()
        self.pattern = pattern
        self.operationID = operationID
        self.action = action
        self.handler = handler
        self.segments = Self.segments(of: pattern)
    }

    static func segments(of pattern: String) -> [RouteSegment] {
        pattern.split(separator: "/").map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") {
                let name = String(part.dropFirst().dropLast())
                return RouteSegment.scopeParameterNames.contains(name) ? .scope(name) : .parameter(name)
            }
            return .literal(String(part))
        }
    }

    /// This route answers for a missing resource group itself (creating the group, checking its
    /// existence, ...): `ResourceGroupMiddleware` lets it through.
    package func skippingResourceGroupCheck() -> Route {
        var route = self
        route.checksResourceGroup = false
        return route
    }

    /// This route's target is the resource `pattern` names, filled with this route's parameters,
    /// rather than the longest id in its own path: a legacy path that spells the resource another
    /// way (`…/resourceGroups/{rg}/deployments/{name}/operations` is the deployment's). Naming a
    /// parameter the route does not have is a programming error and stops the process.
    package func targeting(_ pattern: String) -> Route {
        var route = self
        let target = Self.segments(of: pattern)
        let names = Set(segments.compactMap(\.parameterName))
        for name in target.compactMap(\.parameterName) where !names.contains(name) {
            preconditionFailure("The target pattern '\(pattern)' names '\(name)', which '\(self.pattern)' does not have.")
        }
        route.target = target
        return route
    }

    /// This list answers with what the caller can read instead of a 403 (ARM filters
    /// subscription-wide lists of resource groups and resources that way).
    package func filteringByReadAccess() -> Route {
        var route = self
        route.filtersByReadAccess = true
        return route
    }
}

package enum RouteSegment: Sendable, Equatable {
    case literal(String)
    case parameter(String)
    /// Any ARM scope, zero or more whole segments: `/` (tenant root), `/subscriptions/{s}`,
    /// `.../resourceGroups/{rg}`, a resource or a child resource. ARM's specs write it `{scope}`
    /// with `x-ms-skip-url-encoding` (Microsoft.Authorization: `/{scope}/providers/...`); the
    /// matched value is the `/`-joined scope with a leading `/`.
    case scope(String)

    /// The name of a `{parameter}` or `{scope}` segment; nil for a literal.
    package var parameterName: String? {
        switch self {
        case .literal: nil
        case .parameter(let name), .scope(let name): name
        }
    }

    /// Parameter names that span many segments, in Azure's own words.
    package static let scopeParameterNames: Set<String> = ["scope"]
}

/// Values of a matched route's `{parameter}` segments, percent-decoded, as the client spelled them.
/// Kept as the route's name list beside the values in path order: a match builds no dictionary,
/// and a lookup among a pattern's few names is a short scan.
package struct RouteParameters: Sendable {
    private let names: [String]
    private let orderedValues: [String]

    package init(_ values: [String: String] = [:]) {
        names = Array(values.keys)
        orderedValues = names.map { values[$0]! }
    }

    /// `values[i]` is the value of `names[i]`.
    init(names: [String], values: [String]) {
        // The router hands over one value per name; pairs past the shorter list would be dropped, as `zip` does.
        let count = min(names.count, values.count)
        self.names = count == names.count ? names : Array(names.prefix(count))
        self.orderedValues = count == values.count ? values : Array(values.prefix(count))
    }

    /// Name -> value.
    package var values: [String: String] {
        Dictionary(zip(names, orderedValues), uniquingKeysWith: { _, last in last })
    }

    package subscript(name: String) -> String? {
        // From the end: a name a pattern repeated resolves to its last value, as the dictionary did.
        guard let index = names.lastIndex(of: name) else { return nil }
        return orderedValues[index]
    }

    /// A parameter the pattern guarantees. Asking for a name the route does not have is a
    /// programming error (a handler wired to the wrong pattern): it stops the process loudly
    /// rather than answering with an empty name.
    package func required(_ name: String) -> String {
        guard let value = self[name] else { preconditionFailure("The route has no parameter '\(name)'.") }
        return value
    }
}

/// A class: every step of the pipeline passes the request (and with it the match) on by value, and
/// copying a `Route` retained each of its fields.
package final class RouteMatch: Sendable {
    package let route: Route
    package let parameters: RouteParameters

    package init(route: Route, parameters: RouteParameters) {
        self.route = route
        self.parameters = parameters
    }
}
