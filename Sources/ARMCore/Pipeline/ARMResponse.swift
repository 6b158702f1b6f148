import EmulatorHTTP
import JSON

/// What a handler returns: a status, headers and an optional JSON body. Rendering to bytes and the
/// common ARM headers (`x-ms-request-id`, ...) are added once, at the edge of the pipeline.
package struct ARMResponse: Sendable {
    package var status: Int
    package var headers: HTTPHeaders
    package var body: JSONValue?
    /// For the few non-JSON answers (a PEM certificate, HEAD). Wins over `body` when set.
    package var rawBody: [UInt8]?

    package init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: JSONValue? = nil, rawBody: [UInt8]? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.rawBody = rawBody
    }

    package static func ok(_ body: JSONValue, headers: HTTPHeaders = HTTPHeaders()) -> ARMResponse {
        ARMResponse(status: 200, headers: headers, body: body)
    }

    package static func created(_ body: JSONValue, headers: HTTPHeaders = HTTPHeaders()) -> ARMResponse {
        ARMResponse(status: 201, headers: headers, body: body)
    }

    package static let noContent = ARMResponse(status: 204)
}
