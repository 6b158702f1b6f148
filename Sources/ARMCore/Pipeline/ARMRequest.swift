import EmulatorHTTP

/// An HTTP request on its way through the ARM pipeline, with what each middleware learned about it.
package struct ARMRequest: Sendable {
    /// What the request arrived with, fixed once it is built: one shared box, so the copies the
    /// middleware chain makes (each step that learns something passes on a changed copy) retain
    /// one reference instead of every string and array of it (perf: retain/release of those copies
    /// was a tenth of an authenticated GET's CPU).
    private let received: Received

    package var http: HTTPRequest { received.http }
    /// Upper-cased method.
    package var method: String { received.method }
    /// Percent-decoded path segments; empty segments are dropped, so `//metadata/endpoints`
    /// (az concatenates the endpoint and the path) matches `/metadata/endpoints`.
    package var segments: [String] { received.segments }
    /// Query parameters with case-insensitive names, percent-decoded.
    package var query: QueryParameters { received.query }
    /// `x-ms-request-id` of this request (a new GUID).
    package var requestID: String { received.requestID }
    /// `x-ms-correlation-request-id`: the client's value echoed, or a new GUID.
    package var correlationID: String { received.correlationID }
    /// Set by the api-version middleware.
    package var apiVersion: String?
    /// Set by the authentication middleware.
    package var caller: Caller? {
        get { callerBox?.caller }
        set { callerBox = newValue.map(CallerBox.init) }
    }
    /// `caller`, shared: each step's copy of the request (and `RequestObserver`) retains one
    /// reference instead of each of the caller's strings.
    package var callerBox: CallerBox?
    /// Set by the route-match middleware.
    package var route: RouteMatch? {
        didSet { resourceID = route.map { $0.route.resourceID(matching: segments, parameters: $0.parameters) } ?? .tenantRoot }
    }
    /// The target of the matched route (`Route.resourceID(matching:parameters:)`), set with `route`: the
    /// scope RBAC checks and the resource the handler works on; the tenant root before a match.
    package private(set) var resourceID: ResourceID = .tenantRoot
    /// `scheme://host[:port]` the client used; every absolute URL we hand out starts with it.
    package var baseURL: String { received.baseURL }
    /// True for requests the emulator sends itself (template deployments, provisioning side effects)
    /// through `InternalRequests`: they arrive with `caller` already set instead of a bearer token.
    package var isInternal: Bool = false
    /// Set by the authorization step for list operations the caller may only partly read; the
    /// pager then leaves out what `ReadFilter.canRead` refuses.
    package var readFilter: ReadFilter?
    /// The failure a `failOperation` fault rule asks this request's long-running operation to end
    /// with: set by `FaultInjectionMiddleware`, read by `LongRunningOperations` when the handler
    /// starts its operation.
    package var injectedOperationFailure: ARMError?

    package init(http: HTTPRequest) {
        self.received = Received(http: http)
        self.apiVersion = nil
        self.callerBox = nil
        self.route = nil
    }

    package var headers: HTTPHeaders { received.http.headers }

    /// The decoded path, `/`-joined, for messages and logs.
    package var path: String { "/" + segments.joined(separator: "/") }
}
