import ARMCore
import EmulatorHTTP

/// Renders the errors the HTTP server answers itself (400, 413, 431, ...) as ARM errors, so a
/// client sees the same envelope whatever layer refused its request.
enum ProtocolErrorResponder {
    @Sendable static func response(for error: HTTPProtocolError) -> HTTPResponse {
        let armError = ARMError.httpProtocolError(status: error.status, code: error.code, message: error.message)
        var headers = armError.headers
        headers.add("x-ms-failure-cause", "gateway")
        return .json(armError.status, armError.envelopeJSON.serialized(), headers: headers)
    }
}
