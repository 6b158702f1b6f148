import ARMCore
import Foundation
import JSON

/// Key Vault's secrets data plane (Key Vault 7.5 secrets.json; docs/dataplane.md "Key Vault
/// secrets") under `/dataplane/{vaultName}.vault.azure.net/`: the same stored secrets as the ARM
/// `vaults/{v}/secrets` routes, seen as SecretBundles with their values. Each route names the data
/// action RBAC checks (`KeyVaultAuthorizationMiddleware`). A deleted secret is purged at once (no
/// soft-delete recovery); the `deletedsecrets`, backup, restore and update operations answer 501.
extension DependentsProvider {
    static let dataPlaneVault = "/dataplane/{vaultHost}"
    static let secretDataAction = "Microsoft.KeyVault/vaults/secrets/"
    /// GetSecrets' default and largest page (`maxresults`, 1 to 25).
    static let secretPageSize = 25

    var secretDataPlaneRoutes: [Route] {
        let collection = Self.dataPlaneVault + "/secrets"
        let item = collection + "/{secretName}"
        let action = Self.secretDataAction
        let deleted = Self.dataPlaneVault + "/deletedsecrets"
        return [
            Route("PUT", item, operationID: "KeyVaultSecrets_SetSecret", action: action + "setSecret/action") { request, parameters in
                try setSecret(request, parameters)
            },
            Route("GET", item, operationID: "KeyVaultSecrets_GetSecret", action: action + "getSecret/action") { request, parameters in
                try getSecret(parameters, version: nil)
            },
            Route("GET", item + "/{secretVersion}", operationID: "KeyVaultSecrets_GetSecretVersion", action: action + "getSecret/action") {
                request, parameters in try getSecret(parameters, version: parameters.required("secretVersion"))
            },
            Route("GET", collection, operationID: "KeyVaultSecrets_GetSecrets", action: action + "readMetadata/action") {
                request, parameters in try listSecrets(request, parameters)
            },
            Route("GET", item + "/versions", operationID: "KeyVaultSecrets_GetSecretVersions", action: action + "readMetadata/action") {
                request, parameters in try listSecretVersions(request, parameters)
            },
            Route("DELETE", item, operationID: "KeyVaultSecrets_DeleteSecret", action: action + "delete") { request, parameters in
                try deleteSecret(parameters)
            },
            Self.notServed("PATCH", item + "/{secretVersion}", "UpdateSecret"),
            Self.notServed("POST", item + "/backup", "BackupSecret"),
            Self.notServed("POST", collection + "/restore", "RestoreSecret"),
            Self.notServed("GET", deleted, "GetDeletedSecrets"),
            Self.notServed("GET", deleted + "/{secretName}", "GetDeletedSecret"),
            Self.notServed("DELETE", deleted + "/{secretName}", "PurgeDeletedSecret"),
            Self.notServed("POST", deleted + "/{secretName}/recover", "RecoverDeletedSecret"),
        ]
    }

    static func notServed(_ method: String, _ pattern: String, _ operation: String) -> Route {
        Route(method, pattern, operationID: "KeyVaultSecrets_" + operation, action: nil) { _, _ in
            throw ARMError.keyVaultNotImplemented(operation)
        }
    }

    /// The vault the route's host names (checked by `VaultHostMiddleware`) and the secret's id in it.
    func secretTarget(_ parameters: RouteParameters) throws -> (vault: StoredResource, id: ResourceID) {
        let host = parameters.required("vaultHost")
        guard let vault = VaultDirectory(store: store).vault(host: host) else { throw ARMError.unknownVaultHost(host) }
        let name = parameters["secretName"] ?? ""
        return (vault, vault.id.child(type: "secrets", name: name))
    }

    func setSecret(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let name = parameters.required("secretName")
        guard SecretVersion.isValidName(name) else { throw ARMError.keyVaultInvalidName(name) }
        let version = try SecretVersion(setParameters: try request.jsonBody(), at: now())
        let (vault, id) = try secretTarget(parameters)
        let write = try store.upsert(id) { existing in
            (version.armBody(id: id, vault: vault.id.name), version.privateState(over: existing))
        }
        return .ok(version.bundle(vault: vault.id.name, name: write.resource.id.name))
    }

    func getSecret(_ parameters: RouteParameters, version: String?) throws -> ARMResponse {
        let (vault, id) = try secretTarget(parameters)
        let name = parameters.required("secretName")
        guard let stored = store.get(id), let current = SecretVersion(current: stored) else { throw ARMError.secretNotFound(name) }
        guard let version, !version.isEmpty else { return .ok(current.bundle(vault: vault.id.name, name: stored.id.name)) }
        guard let found = SecretVersion.all(of: stored).first(where: { $0.version == version.lowercased() }) else {
            throw ARMError.secretNotFound(name + "/" + version)
        }
        return .ok(found.bundle(vault: vault.id.name, name: stored.id.name))
    }

    func listSecrets(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let (vault, _) = try secretTarget(parameters)
        return try Self.secretPager(request).list(
            store, under: vault.id, types: [Self.secretType],
            render: { stored in SecretVersion(current: stored)?.item(vault: vault.id.name, name: stored.id.name) ?? .null })
    }

    func listSecretVersions(_ request: ARMRequest, _ parameters: RouteParameters) throws -> ARMResponse {
        let (vault, id) = try secretTarget(parameters)
        guard let stored = store.get(id) else { throw ARMError.secretNotFound(parameters.required("secretName")) }
        let versions = SecretVersion.all(of: stored).sorted { $0.version < $1.version }
        return try Self.secretPager(request).list(versions, key: \.version) { version in
            version.item(vault: vault.id.name, name: stored.id.name, withVersion: true)
        }
    }

    /// `maxresults`: 1 to 25 (Key Vault's limit), 25 when absent.
    static func secretPager(_ request: ARMRequest) throws -> Pager {
        var size = secretPageSize
        if let given = request.query["maxresults"] {
            guard let value = Int(given), (1...secretPageSize).contains(value) else {
                throw ARMError.keyVaultBadParameter("Invalid value for maxresults: '\(given)'. It must be between 1 and 25.")
            }
            size = value
        }
        return try Pager(request: request, defaultPageSize: size)
    }

    func deleteSecret(_ parameters: RouteParameters) throws -> ARMResponse {
        let (vault, id) = try secretTarget(parameters)
        let name = parameters.required("secretName")
        guard let removed = try store.delete(id), let current = SecretVersion(current: removed) else {
            throw ARMError.secretNotFound(name)
        }
        return .ok(current.deletedBundle(vault: vault.id.name, name: removed.id.name))
    }
}
