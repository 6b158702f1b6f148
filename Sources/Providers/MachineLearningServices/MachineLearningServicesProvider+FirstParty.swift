import ARMCore
import Identity
import JSON

/// Requests the Machine Learning service sends as its own first-party principal through the full
/// ARM pipeline (docs/architecture.md "Modules"; LocalStack's internal clients): the other providers'
/// validation, RBAC with `MachineLearningServiceRole`, fault injection and the activity log apply,
/// and each resource type keeps the one body its provider builds. They carry the workspace
/// request's correlation id, so the activity log ties them to it (docs/hubs-and-projects.md).
extension MachineLearningServicesProvider {
    /// A resource the service creates: its id, the api-version it asks with and the request body.
    struct FirstPartyCreation: Sendable {
        let id: ResourceID
        let apiVersion: String
        let body: JSONValue
    }

    /// The service's principal, in the tenant of the workspace's caller (a first-party application
    /// has a service principal in every tenant).
    static func serviceCaller(tenantId: String) -> Caller {
        Caller(
            objectId: WellKnown.machineLearningServiceObjectId, tenantId: tenantId, appId: WellKnown.machineLearningServiceClientId,
            principalType: .servicePrincipal, displayName: WellKnown.machineLearningServiceDisplayName)
    }

    /// One request as the service, on behalf of `request`'s operation; an error answer is thrown.
    @discardableResult
    func sendAsService(
        _ method: String, _ path: String, apiVersion: String, body: JSONValue? = nil, for request: ARMRequest
    ) async throws -> ARMResponse {
        let response = try await internalRequests.send(
            method, path, apiVersion: apiVersion, body: body,
            as: Self.serviceCaller(tenantId: request.caller?.tenantId ?? WellKnown.tenantId), baseURL: request.baseURL,
            correlationID: request.correlationID)
        if response.status >= 400 {
            let error = response.body?["error"]
            throw ARMError(
                status: response.status, code: error?["code"]?.stringValue ?? "InternalServerError",
                message: error?["message"]?.stringValue ?? "", target: error?["target"]?.stringValue)
        }
        return response
    }

    /// Creates the resources in order. When one is refused, those this call created are deleted
    /// again, newest first, and the refusal is thrown: the workspace operation fails without a
    /// partial write (put a resource whose delete is not clean, a soft-deleted vault, last).
    func createAll(_ creations: [FirstPartyCreation], for request: ARMRequest) async throws {
        var created: [FirstPartyCreation] = []
        do {
            for creation in creations {
                try await sendAsService("PUT", creation.id.description, apiVersion: creation.apiVersion, body: creation.body, for: request)
                created.append(creation)
            }
        } catch {
            for creation in created.reversed() {
                _ = try? await sendAsService("DELETE", creation.id.description, apiVersion: creation.apiVersion, for: request)
            }
            throw error
        }
    }
}
