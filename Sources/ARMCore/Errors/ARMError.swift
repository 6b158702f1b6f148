import EmulatorHTTP

/// An error with its wire form: `{"error":{"code","message","target","details"}}`, a status and
/// optional headers. Thrown anywhere in the pipeline and rendered once, at its edge.
/// The codes and message templates live in catalogs: ARMCore's `ARMError+Catalog.swift` (the gateway's
/// and the shared ones) and one `ARMError+{Area}.swift` in each module with codes of its own.
package struct ARMError: Error, Sendable, Equatable {
    package var status: Int
    package var code: String
    package var message: String
    package var target: String?
    package var details: [ARMError]
    /// Extra response headers, e.g. `WWW-Authenticate` on 401, `Retry-After` on 429.
    package var headers: HTTPHeaders
    /// `x-ms-failure-cause: gateway` marks errors ARM itself produces, as opposed to an RP.
    package var fromGateway: Bool

    package init(
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
