import ARMCore
import ARMTemplates
import EmulatorHTTP
import Foundation
import JSON

/// The I/O side of a template deployment: each resource is created by an internal PUT through the
/// full ARM pipeline on behalf of the deploying caller (docs/architecture.md "Modules": the template engine never writes the
/// store directly), `reference()`/`list*()` are internal GET/POST requests, and an asynchronous
/// resource (201/202 with `Azure-AsyncOperation` or `Location`) is polled until it is terminal.
struct DeploymentRunner: TemplateResourceReader {
    let internalRequests: InternalRequests
    let caller: Caller
    let baseURL: String
    let correlationID: String
    /// api-version for `reference()` calls that give none.
    let defaultAPIVersion: String

    /// Result of one resource operation.
    struct Outcome: Sendable {
        var statusCode: Int
        var body: JSONValue?
        var error: ARMError?
    }

    func reference(_ resourceID: String, apiVersion: String?, full: Bool) async throws -> JSONValue {
        let response = try await send("GET", resourceID, apiVersion: apiVersion ?? defaultAPIVersion)
        let body = response.body ?? .null
        return full ? body : (body["properties"] ?? .object(JSONObject()))
    }

    func list(_ action: String, resourceID: String, apiVersion: String, body: JSONValue?) async throws -> JSONValue {
        try await send("POST", resourceID + "/" + action, apiVersion: apiVersion, body: body).body ?? .null
    }

    /// PUTs the resource and waits for a terminal state; never throws (failures are outcomes).
    func put(_ resource: PlannedResource, body: JSONValue) async -> Outcome {
        do {
            let response = try await send("PUT", resource.id, apiVersion: resource.apiVersion, body: body)
            var final = response.body
            if let url = response.headers["Azure-AsyncOperation"] {
                let status = try await poll(url) { reply in
                    let state = reply.body?["status"]?.stringValue ?? ""
                    return ["Succeeded", "Failed", "Canceled"].contains(state)
                }
                if status.body?["status"]?.stringValue != "Succeeded" {
                    return Outcome(
                        statusCode: response.status, body: status.body,
                        error: Self.error(in: status.body?["error"]) ?? .resourceDeploymentFailure)
                }
                final = try await send("GET", resource.id, apiVersion: resource.apiVersion).body
            } else if response.status == 202, let url = response.headers["Location"] {
                let reply = try await poll(url) { $0.status != 202 }
                final = reply.body ?? final
            }
            if final?["properties"]?["provisioningState"]?.stringValue == "Failed" {
                return Outcome(
                    statusCode: response.status, body: final,
                    error: Self.error(in: final?["properties"]?["error"]) ?? .resourceDeploymentFailure)
            }
            return Outcome(statusCode: response.status, body: final, error: nil)
        } catch let error as ARMError {
            return Outcome(statusCode: error.status, body: nil, error: error)
        } catch {
            return Outcome(statusCode: 500, body: nil, error: .internalServerError())
        }
    }

    private func send(_ method: String, _ path: String, apiVersion: String, body: JSONValue? = nil) async throws -> ARMResponse {
        try await internalRequests.send(
            method, path, apiVersion: apiVersion, body: body, as: caller, baseURL: baseURL, correlationID: correlationID)
    }

    /// Polls an absolute status URL (its own `api-version` kept) once a second, at most 10 minutes.
    private func poll(_ url: String, until done: (ARMResponse) -> Bool) async throws -> ARMResponse {
        guard let components = URLComponents(string: url) else { throw ARMError.internalServerError() }
        let apiVersion = components.queryItems?.first { $0.name.lowercased() == "api-version" }?.value ?? defaultAPIVersion
        var reply = try await send("GET", components.percentEncodedPath, apiVersion: apiVersion)
        var attempts = 0
        while !done(reply), attempts < 600 {
            try await Task.sleep(for: .milliseconds(250))
            reply = try await send("GET", components.percentEncodedPath, apiVersion: apiVersion)
            attempts += 1
        }
        return reply
    }

    /// An ARM error object (`{code, message, target, details}`) as an `ARMError`.
    static func error(in value: JSONValue?) -> ARMError? {
        guard let value, let code = value["code"]?.stringValue else { return nil }
        return ARMError(
            status: 400, code: code, message: value["message"]?.stringValue ?? "", target: value["target"]?.stringValue,
            details: (value["details"]?.arrayValue ?? []).compactMap { error(in: $0) })
    }
}
