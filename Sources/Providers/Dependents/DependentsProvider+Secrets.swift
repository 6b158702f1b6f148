import ARMCore
import Foundation
import JSON

/// `vaults/{v}/secrets/{name}` (Key Vault management API): the vault's secret store. ARM accepts a
/// secret's `value` on PUT but never returns it: the value is read over Key Vault's data plane
/// (`DependentsProvider+SecretsDataPlane.swift`), which serves the same stored secret. A PUT adds a
/// version, as the data plane's SetSecret does (`SecretVersion`).
extension DependentsProvider {
    static let secretType = "Microsoft.KeyVault/vaults/secrets"

    var secretRoutes: [Route] {
        let vault = Self.resourceGroupPattern + "/providers/Microsoft.KeyVault/vaults/{vaultName}"
        let collection = vault + "/secrets"
        let item = collection + "/{secretName}"
        return [
            Route("PUT", item, operationID: "Secrets_CreateOrUpdate", action: "Microsoft.KeyVault/vaults/secrets/write") {
                request, parameters in try createSecret(request, parameters)
            },
            Route("GET", item, operationID: "Secrets_Get", action: "Microsoft.KeyVault/vaults/secrets/read") { request, parameters in
                _ = try requireVault(request)
                return .ok(.object(try store.require(request.resourceID).body))
            },
            Route("GET", collection, operationID: "Secrets_List", action: "Microsoft.KeyVault/vaults/secrets/read") { request, parameters in
                let vault = try requireVault(request)
                return try Pager(request: request).list(store, under: vault, types: [Self.secretType])
            },
        ]
    }

    func requireVault(_ request: ARMRequest) throws -> ResourceID {
        try requireParent(request, type: "vaults")
    }

    func createSecret(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        _ = try requireVault(request)
        let name = parameters.required("secretName")
        guard SecretVersion.isValidName(name) else { throw ARMError.secretNameInvalid(name) }
        let input = try request.jsonBody()
        let properties = input["properties"]
        let seconds = Int64(now().timeIntervalSince1970)
        let version = SecretVersion(
            value: properties?["value"]?.stringValue ?? "", contentType: properties?["contentType"]?.stringValue,
            tags: input["tags"]?.objectValue, enabled: properties?["attributes"]?["enabled"]?.boolValue ?? true, created: seconds,
            updated: seconds)
        let id = request.resourceID
        let vaultName = parameters.required("vaultName")
        let write = try store.upsert(id, precondition: request.precondition) { existing in
            (version.armBody(id: id, vault: vaultName), version.privateState(over: existing))
        }
        return ARMResponse(status: write.created ? 201 : 200, body: .object(write.resource.body))
    }
}
