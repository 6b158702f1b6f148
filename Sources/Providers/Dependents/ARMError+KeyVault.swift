import ARMCore
import EmulatorHTTP

/// The errors of Key Vault's secrets data plane (docs/dataplane.md "Key Vault secrets"), in Key
/// Vault's shape `{"error":{"code","message","innererror"?}}`: `KeyVaultErrorMiddleware` renders an
/// error's one detail as `innererror`. Texts as Key Vault sends them (recordings of
/// azure-sdk-for-python `sdk/keyvault/azure-keyvault-secrets/tests/recordings`); where marked, an
/// EMULATOR CHOICE.
extension ARMError {
    /// Key Vault's bearer challenge (https://learn.microsoft.com/azure/key-vault/general/authentication-requests-and-responses):
    /// azure-keyvault-* read the tenant from `authorization` and the scope from `resource`.
    static func keyVaultChallenge(tenantID: String) -> HTTPHeaders {
        HTTPHeaders([
            (
                "WWW-Authenticate",
                "Bearer authorization=\"https://login.microsoftonline.com/\(tenantID)\", resource=\"\(KeyVaultAuthenticationMiddleware.audience)\""
            )
        ])
    }

    /// No `Authorization` header: the challenge every Key Vault client starts with.
    package static func keyVaultMissingToken(tenantID: String) -> ARMError {
        ARMError(
            status: 401, code: "Unauthorized", message: "AKV10000: Request is missing a Bearer or PoP token.",
            headers: keyVaultChallenge(tenantID: tenantID))
    }

    /// A token of another audience.
    package static func keyVaultInvalidAudience(found: String, tenantID: String) -> ARMError {
        ARMError(
            status: 401, code: "Unauthorized",
            message: "AKV10022: Invalid audience. Expected \(KeyVaultAuthenticationMiddleware.audience), found: \(found).",
            headers: keyVaultChallenge(tenantID: tenantID))
    }

    /// A token that does not verify or has expired (EMULATOR CHOICE: the text).
    package static func keyVaultInvalidToken(tenantID: String) -> ARMError {
        ARMError(
            status: 401, code: "Unauthorized", message: "AKV10032: The access token is not valid or has expired.",
            headers: keyVaultChallenge(tenantID: tenantID))
    }

    /// RBAC refused the data action (vaults use the Azure RBAC permission model in the emulator).
    package static func keyVaultForbiddenByRbac(caller: Caller, action: String, scope: String, vault: String) -> ARMError {
        ARMError(
            status: 403, code: "Forbidden",
            message: "Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role "
                + "definitions were changed recently, please observe propagation time.\r\nCaller: appid=\(caller.appId ?? "");"
                + "oid=\(caller.objectId);iss=https://sts.windows.net/\(caller.tenantId)/\r\nAction: '\(action)'\r\nResource: "
                + "'\(scope.lowercased())'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: null \r\n"
                + "Vault: \(vault);location=\r\n",
            details: [ARMError(status: 403, code: "ForbiddenByRbac", message: "")])
    }

    /// A missing or malformed `api-version` (EMULATOR CHOICE: the text).
    package static func keyVaultMissingAPIVersion() -> ARMError {
        ARMError(status: 400, code: "BadParameter", message: "The request URI contains an invalid or missing api-version.")
    }

    package static func keyVaultBadParameter(_ message: String) -> ARMError {
        ARMError(status: 400, code: "BadParameter", message: message)
    }

    package static func keyVaultInvalidName(_ name: String) -> ARMError {
        ARMError(status: 400, code: "BadParameter", message: "The request URI contains an invalid name: \(name)")
    }

    package static func secretNotFound(_ nameOrID: String) -> ARMError {
        ARMError(
            status: 404, code: "SecretNotFound",
            message: "A secret with (name/id) \(nameOrID) was not found in this key vault. If you recently deleted this secret you "
                + "may be able to recover it using the correct recovery command. For help resolving this issue, please see "
                + "https://go.microsoft.com/fwlink/?linkid=2125182")
    }

    /// A host under `/dataplane/` that names no vault of this emulator (like the accounts' unknown
    /// subdomain: on Azure the name would not resolve).
    package static func unknownVaultHost(_ host: String) -> ARMError {
        ARMError(
            status: 404, code: "VaultNotFound",
            message: "No key vault of this emulator is named by '\(host)'. On Azure this host name would not resolve. Create the "
                + "vault first, or use the host https://{vaultName}.vault.azure.net of an existing one.")
    }

    /// An operation of the secrets data plane the emulator does not serve (`deletedsecrets`, backup,
    /// restore, update).
    package static func keyVaultNotImplemented(_ operation: String) -> ARMError {
        ARMError(status: 501, code: "NotImplemented", message: "The emulator does not implement Key Vault's \(operation) operation.")
    }
}

extension ARMError {
    /// Every factory above, for `ErrorCatalogTests`.
    package static let keyVaultCatalog: [(factory: String, error: ARMError)] = [
        ("keyVaultMissingToken", keyVaultMissingToken(tenantID: "{tenantID}")),
        ("keyVaultInvalidAudience", keyVaultInvalidAudience(found: "{found}", tenantID: "{tenantID}")),
        ("keyVaultInvalidToken", keyVaultInvalidToken(tenantID: "{tenantID}")),
        (
            "keyVaultForbiddenByRbac",
            keyVaultForbiddenByRbac(
                caller: Caller(objectId: "{objectId}", tenantId: "{tenantId}", principalType: .user), action: "{action}", scope: "{scope}",
                vault: "{vault}")
        ),
        ("keyVaultMissingAPIVersion", keyVaultMissingAPIVersion()),
        ("keyVaultBadParameter", keyVaultBadParameter("{message}")),
        ("keyVaultInvalidName", keyVaultInvalidName("{name}")),
        ("secretNotFound", secretNotFound("{name}")),
        ("unknownVaultHost", unknownVaultHost("{host}")),
        ("keyVaultNotImplemented", keyVaultNotImplemented("{operation}")),
    ]
}
