import EmulatorHTTP

/// An error with its wire form: `{"error":{"code","message","target","details"}}`, a status and
/// optional headers. Thrown anywhere in the pipeline and rendered once, at its edge.
/// The codes and message templates live in catalogs: ARMCore's `ARMError+Catalog.swift` (the gateway's
/// and the shared ones) and one `ARMError+{Area}.swift` in each module with codes of its own.
public struct ARMError: Error, Sendable, Equatable {
    public var status: Int
    public var code: String
    public var message: String
    public var target: String?
    public var details: [ARMError]
    /// Extra response headers, e.g. `WWW-Authenticate` on 401, `Retry-After` on 429.
    public var headers: HTTPHeaders
    /// `x-ms-failure-cause: gateway` marks errors ARM itself produces, as opposed to an RP.
    public var fromGateway: Bool

    public init(
        status: Int, code: String, message: String, target: String? = nil, details: [ARMError] = [],
        headers: HTTPHeaders = HTTPHeaders(), fromGateway: Bool = false
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.target = target
        self.details = details
        self.headers = headers
        self.fromGateway = fromGateway
    }
}
