import ARMCore
import Foundation
import Identity
import JSON

/// Connection credentials in the hub's key vault, as Azure AI Foundry keeps them ("connections
/// store API keys securely, as secrets, in a key vault":
/// https://learn.microsoft.com/azure/ai-foundry/how-to/connections-add). The service sets, reads
/// and deletes them over Key Vault's data plane as its first-party principal, through the same chain
/// a client's request takes (token-less internal requests, RBAC with `MachineLearningServiceRole`'s
/// data actions, fault injection): it never touches the vault's secrets in the store.
extension MachineLearningServicesProvider {
    /// The Key Vault data-plane version the service speaks.
    static let keyVaultAPIVersion = "7.5"

    /// `connection-{guid}` in the vault of the workspace that owns the dependents (a project's hub),
    /// the guid derived from the connection id; nil when that workspace has no key vault.
    func secretReference(for connectionID: ResourceID, vaultOwner: StoredResource) -> ConnectionSecretReference? {
        guard let vault = vaultOwner.body["properties"]?["keyVault"]?.stringValue.flatMap(ResourceID.init) else { return nil }
        return ConnectionSecretReference(vault: vault.name, name: "connection-" + DeterministicGUID.make(connectionID.key), version: nil)
    }

    /// The reference a stored connection keeps, if any.
    static func secretReference(of connection: StoredResource) -> ConnectionSecretReference? {
        connection.privateState["secretId"]?.stringValue.flatMap(ConnectionSecretReference.init)
    }

    /// One data-plane request as the service, on behalf of `request`; an error answer is thrown
    /// with Key Vault's status, code and message.
    @discardableResult
    func sendToVault(_ method: String, _ path: String, body: JSONValue? = nil, for request: ARMRequest) async throws -> ARMResponse {
        let response = try await vaultRequests.send(
            method, path, apiVersion: Self.keyVaultAPIVersion, body: body,
            as: Self.serviceCaller(tenantId: request.caller?.tenantId ?? WellKnown.tenantId), baseURL: request.baseURL,
            correlationID: request.correlationID)
        guard response.status < 400 else {
            let error = response.body?["error"]
            throw ARMError(
                status: response.status, code: error?["code"]?.stringValue ?? "InternalServerError",
                message: error?["message"]?.stringValue ?? "")
        }
        return response
    }

    /// SetSecret: a new version of `reference`'s secret holding `credentials`; the returned
    /// reference names that version.
    func setSecret(
        _ credentials: JSONValue, at reference: ConnectionSecretReference, for request: ARMRequest
    ) async throws
        -> ConnectionSecretReference
    {
        let body: JSONValue = ["value": .string(credentials.compactString), "contentType": "application/json"]
        let response = try await sendToVault("PUT", reference.path, body: body, for: request)
        return response.body?["id"]?.stringValue.flatMap(ConnectionSecretReference.init) ?? reference
    }

    /// The credentials of a connection, read back from its vault secret (nil when it has none or
    /// the secret is gone); another refusal of the vault is thrown.
    func readSecret(of connection: StoredResource, for request: ARMRequest) async throws -> JSONValue? {
        guard let reference = Self.secretReference(of: connection) else { return nil }
        let response: ARMResponse
        do {
            response = try await sendToVault("GET", reference.path, for: request)
        } catch let error as ARMError where error.status == 404 {
            return nil
        }
        guard let value = response.body?["value"]?.stringValue else { return nil }
        return try? JSONParser.parse(Array(value.utf8))
    }

    /// DeleteSecret of `reference`'s secret (every version); a secret already gone is not an error.
    func deleteSecret(_ reference: ConnectionSecretReference, for request: ARMRequest) async throws {
        do {
            try await sendToVault("DELETE", reference.unversioned.path, for: request)
        } catch let error as ARMError where error.status == 404 {
        }
    }
}
