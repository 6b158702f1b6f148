import ARMCore
import EmulatorHTTP
import Foundation
import JSON

/// The endpoints' answers (the route table is `IdentityService+Routes.swift`) and the response
/// envelope they share.
extension IdentityService {
    func appServiceToken(_ request: HTTPRequest) -> HTTPResponse {
        let result = managedIdentity.appService(request)
        return json(result.status, result.body, request)
    }

    func imdsToken(_ request: HTTPRequest) -> HTTPResponse {
        let result = managedIdentity.imds(request)
        return json(result.status, result.body, request)
    }

    func openIDConfiguration(_ request: HTTPRequest, tenant: String, version: TokenRequest.Version) -> HTTPResponse {
        do {
            let authority = try Authority.resolve(tenant, in: directory, error: "invalid_tenant")
            let document =
                version == .v2
                ? documents.v2Configuration(authority: authority, baseURL: request.baseURL)
                : documents.v1Configuration(authority: authority, baseURL: request.baseURL)
            return json(200, document, request)
        } catch {
            return entraError(error, request)
        }
    }

    func instanceDiscovery(_ request: HTTPRequest) -> HTTPResponse {
        let query = QueryParameters(request.query ?? "")
        return json(
            200, documents.instanceDiscovery(baseURL: request.baseURL, authorizationEndpoint: query["authorization_endpoint"]), request)
    }

    func deviceAuthPage(_ request: HTTPRequest) -> HTTPResponse {
        html(
            200,
            """
            <!doctype html><title>foundry-emulator device login</title>
            <p>foundry-emulator approves every device code as soon as it is issued: go back to your terminal,
            the sign-in has already completed. To sign in as another seeded user, send <code>login_hint</code>
            with the device code request.</p>
            """, request)
    }

    func logoutPage(_ request: HTTPRequest) -> HTTPResponse {
        html(200, "<!doctype html><title>Signed out</title><p>You have signed out of foundry-emulator.</p>", request)
    }

    func authorize(_ request: HTTPRequest) -> HTTPResponse {
        json(
            501,
            .object(
                JSONObject([
                    ("error", "unsupported_response_type"),
                    (
                        "error_description",
                        "foundry-emulator does not implement the interactive authorization code flow. Sign in with the device code flow (az login --use-device-code), a password, a client secret or a managed identity."
                    ),
                ])), request)
    }

    /// The token and device-code endpoints: POST only (Entra: AADSTS900561), authority resolved first.
    func tokenEndpoint(
        _ request: HTTPRequest, tenant: String, version: TokenRequest.Version,
        _ body: (TokenRequest) throws(EntraError) -> JSONValue
    ) -> HTTPResponse {
        do throws(EntraError) {
            guard request.method.uppercased() == "POST" else { throw EntraError.postRequired(request.method.uppercased()) }
            let authority = try Authority.resolve(tenant, in: directory)
            let tokenRequest = TokenRequest(http: request, version: version, authority: authority)
            return json(200, try body(tokenRequest), request)
        } catch {
            return entraError(error, request)
        }
    }

    // MARK: responses

    /// Token responses must not be cached (RFC 6749 section 5.1); Entra sends these headers on every answer.
    func json(_ status: Int, _ body: JSONValue, _ request: HTTPRequest) -> HTTPResponse {
        HTTPResponse.json(status, body.serialized(), headers: commonHeaders(request))
    }

    func entraError(_ error: EntraError, _ request: HTTPRequest) -> HTTPResponse {
        let traceID = newGUID()
        let correlationID = request.headers["client-request-id"] ?? newGUID()
        var headers = commonHeaders(request)
        headers.set("x-ms-request-id", traceID)
        return HTTPResponse.json(
            error.status, error.body(traceID: traceID, correlationID: correlationID, now: now()).serialized(), headers: headers)
    }

    private func html(_ status: Int, _ text: String, _ request: HTTPRequest) -> HTTPResponse {
        var response = HTTPResponse.text(status, text, contentType: "text/html; charset=utf-8")
        for field in commonHeaders(request) { response.headers.set(field.name, field.value) }
        return response
    }

    func notFound(_ request: HTTPRequest) -> HTTPResponse {
        json(
            404,
            .object(
                JSONObject([
                    ("error", "not_found"),
                    ("error_description", .string("foundry-emulator has no Entra endpoint at '\(request.path)'.")),
                ])), request)
    }

    func methodNotAllowed(_ request: HTTPRequest, allowed: String) -> HTTPResponse {
        var response = json(
            405,
            .object(
                JSONObject([
                    ("error", "invalid_request"),
                    ("error_description", .string("The endpoint '\(request.path)' does not support the \(request.method) method.")),
                ])), request)
        response.headers.set("Allow", allowed)
        return response
    }

    private func commonHeaders(_ request: HTTPRequest) -> HTTPHeaders {
        var headers = HTTPHeaders([("Cache-Control", "no-store, no-cache"), ("Pragma", "no-cache"), ("x-ms-request-id", newGUID())])
        // MSAL sends client-request-id and reads it back (x-ms-return-client-request-id).
        if let clientRequestID = request.headers["client-request-id"] { headers.set("client-request-id", clientRequestID) }
        return headers
    }
}
