import EmulatorHTTP

/// An HTTP request on its way through the ARM pipeline, with what each middleware learned about it.
public struct ARMRequest: Sendable {
    public var http: HTTPRequest
    /// Upper-cased method.
    public var method: String
    /// Percent-decoded path segments; empty segments are dropped, so `//metadata/endpoints`
    /// (az concatenates the endpoint and the path) matches `/metadata/endpoints`.
    public var segments: [String]
    /// Query parameters with case-insensitive names, percent-decoded.
    public var query: QueryParameters
    /// `x-ms-request-id` of this request (a new GUID).
    public var requestID: String
    /// `x-ms-correlation-request-id`: the client's value echoed, or a new GUID.
    public var correlationID: String
    /// Set by the api-version middleware.
    public var apiVersion: String?
    /// Set by the authentication middleware.
    public var caller: Caller?
    /// Set by the route-match middleware.
    public var route: RouteMatch? {
        didSet { resourceID = route?.route.resourceID(matching: segments) ?? .tenantRoot }
    }
    /// The target of the matched route (`Route.resourceID(matching:)`), set with `route`: the
    /// scope RBAC checks and the resource the handler works on; the tenant root before a match.
    public private(set) var resourceID: ResourceID = .tenantRoot
    /// `scheme://host[:port]` the client used; every absolute URL we hand out starts with it.
    public var baseURL: String
    /// True for requests the emulator sends itself (template deployments, provisioning side effects)
    /// through `InternalRequests`: they arrive with `caller` already set instead of a bearer token.
    public var isInternal: Bool = false
    /// Set by the authorization step for list operations the caller may only partly read; the
    /// pager then leaves out what `ReadFilter.canRead` refuses.
    public var readFilter: ReadFilter?
    /// The failure a `failOperation` fault rule asks this request's long-running operation to end
    /// with: set by `FaultInjectionMiddleware`, read by `LongRunningOperations` when the handler
    /// starts its operation.
    public var injectedOperationFailure: ARMError?

    public init(http: HTTPRequest) {
        self.http = http
        self.method = http.method.uppercased()
        self.segments = http.path.nonEmptyPathSegments.map(\.removingPercentEncodingLeniently)
        self.query = QueryParameters(http.query ?? "")
        self.requestID = newGUID()
        self.correlationID = http.headers["x-ms-correlation-request-id"] ?? newGUID()
        self.apiVersion = nil
        self.caller = nil
        self.route = nil
        self.baseURL = http.baseURL
    }

    public var headers: HTTPHeaders { http.headers }

    /// The decoded path, `/`-joined, for messages and logs.
    public var path: String { "/" + segments.joined(separator: "/") }
}
