import ARMCore
import EmulatorHTTP
import Foundation
import Identity
import JSON

/// `/_emulator/*`: what scripts and tests use to drive the emulator itself (health, the
/// well-known credentials, reset, the certificate, a ready operator token). Not part of Azure.
struct OperatorAPI: Sendable {
    let emulator: EmulatorWorld

    var routes: [Route] {
        [
            Route("GET", "/_emulator/health", operationID: "Emulator_Health", action: nil) { _, _ in
                .ok(["status": "Healthy"])
            },
            Route("GET", "/_emulator/info", operationID: "Emulator_Info", action: nil) { request, _ in
                .ok(emulator.info(baseURL: request.baseURL))
            },
            Route("POST", "/_emulator/reset", operationID: "Emulator_Reset", action: nil) { _, _ in
                emulator.reset()
                return .noContent
            },
            Route("GET", "/_emulator/cert", operationID: "Emulator_Certificate", action: nil) { _, _ in
                try certificate()
            },
            Route("GET", "/_emulator/token", operationID: "Emulator_Token", action: nil) { request, _ in
                try operatorToken(request)
            },
        ] + faultRoutes + principalRoutes + accessRoutes + stateRoutes + dataPlaneRoutes
    }

    func certificate() throws -> ARMResponse {
        guard let pem = FileManager.default.contents(atPath: emulator.certificatePath) else {
            throw ARMError.internalServerError("The certificate file '\(emulator.certificatePath)' cannot be read.")
        }
        return ARMResponse(status: 200, headers: HTTPHeaders([("Content-Type", "application/x-pem-file")]), rawBody: Array(pem))
    }

    /// A bearer token for the operator service principal, for curl. `resource` sets the audience
    /// (default: this server), `lifetime` the seconds until expiry (negative gives an expired token,
    /// for testing clients' handling of ExpiredAuthenticationToken).
    func operatorToken(_ request: ARMRequest) throws -> ARMResponse {
        let resource = request.query["resource"] ?? (request.baseURL + "/")
        var lifetime = 3600
        if let text = request.query["lifetime"] {
            guard let seconds = Int(text), (-86_400...86_400).contains(seconds) else {
                throw ARMError.invalidParameter(
                    "The query parameter 'lifetime' must be a whole number of seconds from -86400 to 86400.", target: "lifetime")
            }
            lifetime = seconds
        }
        let issued = emulator.identity.issueOperatorToken(audience: resource, lifetime: lifetime, baseURL: request.baseURL)
        return .ok(
            .object(
                JSONObject([
                    ("token_type", "Bearer"),
                    ("access_token", .string(issued.token)),
                    ("expires_in", .int(Int64(lifetime))),
                    ("expires_on", .int(Int64(issued.expiresOn.timeIntervalSince1970))),
                    ("resource", .string(resource)),
                ])))
    }
}
