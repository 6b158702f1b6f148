import ARMCore
import EmulatorHTTP
import JSON

/// First step of the Key Vault data plane (docs/dataplane.md "Key Vault secrets"): an error thrown
/// further down is answered in Key Vault's shape, `{"error":{"code","message","innererror"?}}`, the
/// error's one detail being the `innererror` (`ForbiddenByRbac`); its headers (the bearer challenge)
/// go with it. ARM's `target` and `details` are not part of that shape.
struct KeyVaultErrorMiddleware: ARMMiddleware {
    func respond(to request: ARMRequest, next: any ARMResponder) async throws -> ARMResponse {
        do {
            return try await next.respond(to: request)
        } catch let error as ARMError {
            return Self.response(for: error)
        }
    }

    static func response(for error: ARMError) -> ARMResponse {
        var inner: JSONObject = ["code": .string(error.code), "message": .string(error.message)]
        if let detail = error.details.first { inner["innererror"] = ["code": .string(detail.code)] }
        return ARMResponse(status: error.status, headers: error.headers, body: ["error": .object(inner)])
    }
}
