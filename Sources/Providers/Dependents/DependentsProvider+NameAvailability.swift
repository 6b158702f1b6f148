import ARMCore
import JSON

/// `POST /subscriptions/{s}/providers/Microsoft.Storage/checkNameAvailability` and the Key Vault one
/// (`az storage account create` and `az keyvault` call them): `{nameAvailable, reason, message}`
/// with `reason` `AccountNameInvalid` or `AlreadyExists`, as the StorageManagementClient and
/// KeyVaultManagementClient specs define. Names are global: every subscription of the emulator
/// counts, and a soft-deleted vault keeps its name until purged.
extension DependentsProvider {
    var nameAvailabilityRoutes: [Route] {
        [
            Route(
                "POST", "/subscriptions/{subscriptionId}/providers/Microsoft.Storage/checkNameAvailability",
                operationID: "StorageAccounts_CheckNameAvailability", action: "Microsoft.Storage/checkNameAvailability/read"
            ) { request, _ in
                let name = try requestedName(request, type: DependentType.storageAccounts.fullType)
                do {
                    try DependentType.storageAccounts.validateName(name)
                } catch let error as ARMError {
                    return .ok(Self.unavailable(reason: "AccountNameInvalid", message: error.message))
                }
                if takenName(name, type: DependentType.storageAccounts) != nil {
                    return .ok(Self.unavailable(reason: "AlreadyExists", message: ARMError.storageAccountAlreadyTaken(name).message))
                }
                return .ok(["nameAvailable": true])
            },
            Route(
                "POST", "/subscriptions/{subscriptionId}/providers/Microsoft.KeyVault/checkNameAvailability",
                operationID: "Vaults_CheckNameAvailability", action: "Microsoft.KeyVault/checkNameAvailability/read"
            ) { request, _ in
                let name = try requestedName(request, type: DependentType.vaults.fullType)
                do {
                    try DependentType.vaults.validateName(name)
                } catch let error as ARMError {
                    return .ok(Self.unavailable(reason: "AccountNameInvalid", message: error.message))
                }
                if takenName(name, type: DependentType.vaults) != nil || deletedVault(named: name) != nil {
                    return .ok(Self.unavailable(reason: "AlreadyExists", message: ARMError.vaultNameInUseMessage(name)))
                }
                return .ok(["nameAvailable": true])
            },
            // `az keyvault check-name` asks here by default. No managed HSM exists in the emulator, so a
            // well-formed name is free (HSM names follow the vault rules).
            Route(
                "POST", "/subscriptions/{subscriptionId}/providers/Microsoft.KeyVault/checkMhsmNameAvailability",
                operationID: "ManagedHsms_CheckMhsmNameAvailability", action: "Microsoft.KeyVault/checkMhsmNameAvailability/read"
            ) { request, _ in
                let name = try requestedName(request, type: "Microsoft.KeyVault/managedHSMs")
                do {
                    try DependentType.vaults.validateName(name)
                } catch let error as ARMError {
                    return .ok(Self.unavailable(reason: "AccountNameInvalid", message: error.message))
                }
                return .ok(["nameAvailable": true])
            },
        ]
    }

    /// `{"name", "type"}`; the type must be the provider's account type (case-insensitive).
    func requestedName(_ request: ARMRequest, type: String) throws -> String {
        let body = try request.jsonBody()
        guard let name = body["name"]?.stringValue else { throw ARMError.invalidRequestContent("The 'name' property is required.") }
        if let given = body["type"]?.stringValue, given.lowercased() != type.lowercased() {
            throw ARMError.invalidRequestContent("The 'type' property must be '\(type)'.")
        }
        return name
    }

    static func unavailable(reason: String, message: String) -> JSONValue {
        .object(JSONObject([("nameAvailable", false), ("reason", .string(reason)), ("message", .string(message))]))
    }

    /// A live resource of the type with this name anywhere in the emulator (global names).
    func takenName(_ name: String, type: DependentType) -> ResourceID? {
        store.all(under: nil, types: [type.fullType]).first { $0.id.name.lowercased() == name.lowercased() }?.id
    }
}
