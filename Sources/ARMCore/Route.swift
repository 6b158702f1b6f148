/// One ARM operation: a method and a path pattern, the operation id it implements (for logs and
/// the OpenAPI document), the RBAC action it needs, and its handler.
public struct Route: Sendable {
    public typealias Handler = @Sendable (ARMRequest, RouteParameters) async throws -> ARMResponse

    public let method: String
    /// Canonical path pattern with `{parameter}` segments, e.g.
    /// `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}`. Literal segments match
    /// case-insensitively; the canonical casing here is what responses use.
    public let pattern: String
    /// e.g. `ResourceGroups_Get`.
    public let operationID: String
    /// The RBAC action, e.g. `Microsoft.Resources/subscriptions/resourceGroups/read`; nil when ARM
    /// checks none (listing subscriptions, tenants).
    public let action: String?
    public let handler: Handler
    /// Pattern segments: `.literal` (lower-cased for matching), `.parameter(name)`, or
    /// `.scope(name)` for `{scope}`.
    public let segments: [RouteSegment]
    /// Whether `ResourceGroupMiddleware` answers 404 `ResourceGroupNotFound` before the handler
    /// when the target's resource group does not exist; false for the routes that answer for a
    /// missing group themselves (`skippingResourceGroupCheck()`).
    public private(set) var checksResourceGroup = true
    /// A list ARM answers with what the caller can read instead of a 403: the authorization step
    /// lets it through with a `ReadFilter` (`filteringByReadAccess()`).
    public private(set) var filtersByReadAccess = false

    public init(_ method: String, _ pattern: String, operationID: String, action: String?, handler: @escaping Handler) {
        self.method = method.uppercased()
        self.pattern = pattern
        self.operationID = operationID
        self.action = action
        self.handler = handler
        self.segments = pattern.split(separator: "/").map { part in
            if part.hasPrefix("{") && part.hasSuffix("}") {
                let name = String(part.dropFirst().dropLast())
                return RouteSegment.scopeParameterNames.contains(name) ? .scope(name) : .parameter(name)
            }
            return .literal(String(part))
        }
    }

    /// This route answers for a missing resource group itself (creating the group, checking its
    /// existence, ...): `ResourceGroupMiddleware` lets it through.
    public func skippingResourceGroupCheck() -> Route {
        var route = self
        route.checksResourceGroup = false
        return route
    }

    /// This list answers with what the caller can read instead of a 403 (ARM filters
    /// subscription-wide lists of resource groups and resources that way).
    public func filteringByReadAccess() -> Route {
        var route = self
        route.filtersByReadAccess = true
        return route
    }
}

public enum RouteSegment: Sendable, Equatable {
    case literal(String)
    case parameter(String)
    /// Any ARM scope, zero or more whole segments: `/` (tenant root), `/subscriptions/{s}`,
    /// `.../resourceGroups/{rg}`, a resource or a child resource. ARM's specs write it `{scope}`
    /// with `x-ms-skip-url-encoding` (Microsoft.Authorization: `/{scope}/providers/...`); the
    /// matched value is the `/`-joined scope with a leading `/`.
    case scope(String)

    /// Parameter names that span many segments, in Azure's own words.
    public static let scopeParameterNames: Set<String> = ["scope"]
}

/// Values of a matched route's `{parameter}` segments, percent-decoded, as the client spelled them.
public struct RouteParameters: Sendable {
    public private(set) var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    public subscript(name: String) -> String? { values[name] }

    /// A parameter the pattern guarantees. Asking for a name the route does not have is a
    /// programming error (a handler wired to the wrong pattern): it stops the process loudly
    /// rather than answering with an empty name.
    public func required(_ name: String) -> String {
        guard let value = values[name] else { preconditionFailure("The route has no parameter '\(name)'.") }
        return value
    }
}

public struct RouteMatch: Sendable {
    public let route: Route
    public let parameters: RouteParameters

    public init(route: Route, parameters: RouteParameters) {
        self.route = route
        self.parameters = parameters
    }
}
