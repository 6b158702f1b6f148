import EmulatorHTTP
import JSON
import Synchronization

/// Sends ARM requests from inside the emulator through the full ARM pipeline, as the caller whose
/// request caused them or as a first-party service principal, so validation, RBAC and audit apply
/// exactly as to a client's request (docs/architecture.md "Modules": a provider never writes
/// another provider's resources into the store directly). The template engine creates its
/// resources this way, as the deploying caller; the Machine Learning service creates a hub's
/// storage account and key vault and a project's containers and role assignment this way, and
/// deletes that role assignment with the project, as its own principal (docs/hubs-and-projects.md).
///
/// The composition root builds it before the pipeline exists (providers need it to declare their
/// routes) and connects it once the pipeline is built.
package final class InternalRequests: Sendable {
    private let responder = Mutex<(any ARMResponder)?>(nil)

    package init() {}

    package func connect(to responder: any ARMResponder) {
        self.responder.withLock { $0 = responder }
    }

    /// Runs one request and returns the handler's response; an ARM error is thrown as it would be
    /// rendered to a client (the caller decides whether it fails its own operation).
    package func send(
        _ method: String, _ path: String, apiVersion: String, body: JSONValue? = nil,
        as caller: Caller, baseURL: String, correlationID: String? = nil
    ) async throws -> ARMResponse {
        guard let responder = responder.withLock({ $0 }) else {
            throw ARMError.internalServerError()
        }
        let separator = path.contains("?") ? "&" : "?"
        var headers = HTTPHeaders()
        let isTLS = baseURL.lowercased().hasPrefix("https://")
        headers.set("Host", String(baseURL.drop(while: { $0 != "/" }).dropFirst(2)))
        if body != nil { headers.set("Content-Type", "application/json") }
        if let correlationID { headers.set("x-ms-correlation-request-id", correlationID) }
        let http = HTTPRequest(
            method: method, target: path + separator + "api-version=" + apiVersion, headers: headers,
            body: body?.serialized() ?? [], isTLS: isTLS)
        var request = ARMRequest(http: http)
        request.caller = caller
        request.isInternal = true
        return try await responder.respond(to: request)
    }
}
