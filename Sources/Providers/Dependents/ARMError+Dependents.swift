import ARMCore

/// The errors of the dependent resources a hub uses: Storage, Key Vault (docs/served.md).
extension ARMError {
    /// An operation that needs a feature the subscription unregistered (EMULATOR CHOICE, in the
    /// wording of Azure's "not registered for feature" errors).
    package static func subscriptionNotRegisteredForFeature(subscriptionID: String, namespace: String, feature: String) -> ARMError {
        ARMError(
            status: 400, code: "SubscriptionNotRegisteredForFeature",
            message: "Subscription '\(subscriptionID)' is not registered for feature \(namespace)/\(feature) required to carry out the "
                + "requested operation.")
    }

    package static func storageAccountNameInvalid(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "AccountNameInvalid",
            message: "\(name) is not a valid storage account name. Storage account name must be between 3 and 24 characters in "
                + "length and use numbers and lower-case letters only.")
    }

    package static func vaultNameNotValid(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "VaultNameNotValid",
            message: "The vault name '\(name)' is invalid. A vault's name must be between 3-24 alphanumeric characters. The name "
                + "must begin with a letter, end with a letter or digit, and not contain consecutive hyphens.")
    }

    /// Storage account names are global: a PUT of a name another group or subscription holds
    /// (Microsoft.Storage error codes, https://learn.microsoft.com/rest/api/storagerp/srp-error-codes).
    package static func storageAccountAlreadyTaken(_ name: String) -> ARMError {
        ARMError(status: 409, code: "StorageAccountAlreadyTaken", message: "The storage account named \(name) is already taken.")
    }

    /// `regenerateKey` with a key name other than key1/key2 (kerb keys are not modelled).
    package static func storageInvalidKeyName(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidValuesForRequestParameters",
            message: "Values for request parameters are invalid: keyName '\(name)'. Valid key names are key1 and key2.")
    }

    /// Vault names are global; the text is the one checkNameAvailability gives for a taken name
    /// (its opening quoted in Azure/azure-powershell's Test-AzKeyVaultNameAvailability example).
    package static func vaultAlreadyExists(_ name: String) -> ARMError {
        ARMError(status: 409, code: "VaultAlreadyExists", message: vaultNameInUseMessage(name))
    }

    package static func vaultNameInUseMessage(_ name: String) -> String {
        "The vault name '\(name)' is already in use. Vault names are globally unique so it is possible that the name is already taken. "
            + "If you are sure that the vault name was not taken then it is possible that a vault with the same name was recently "
            + "deleted but not purged after being placed in a recoverable state. If the vault is in a recoverable state then the vault "
            + "will need to be purged before reusing the name."
    }

    /// A PUT of a vault whose name is soft-deleted (without `createMode: recover`).
    package static func vaultInDeletedState(_ name: String) -> ARMError {
        ARMError(
            status: 409, code: "ConflictError",
            message: "A vault with the same name already exists in deleted state. You need to either recover or purge existing key "
                + "vault '\(name)'.")
    }

    /// `createMode: recover` with no soft-deleted vault of that name.
    package static func deletedVaultNotFound(_ name: String) -> ARMError {
        ARMError(status: 404, code: "ResourceNotFound", message: "The deleted vault '\(name)' was not found.")
    }

    package static func containerNameInvalid(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "ContainerNameInvalid",
            message: "The specified container name '\(name)' is invalid. Container names must be 3 to 63 characters long and "
                + "contain only lower-case letters, digits and single hyphens, starting with a letter or digit.")
    }

    package static func secretNameInvalid(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The secret name '\(name)' is invalid. Secret names must be 1 to 127 characters long and contain only "
                + "letters, digits and '-'.")
    }
}

extension ARMError {
    /// Every factory above, built with placeholder arguments: the inventory `ErrorCatalogTests` reads to
    /// check that no code means two things across the catalogs.
    package static let dependentsCatalog: [(factory: String, error: ARMError)] = [
        (
            "subscriptionNotRegisteredForFeature",
            subscriptionNotRegisteredForFeature(subscriptionID: "{subscriptionID}", namespace: "{namespace}", feature: "{feature}")
        ),
        ("storageAccountNameInvalid", storageAccountNameInvalid("{name}")),
        ("vaultNameNotValid", vaultNameNotValid("{name}")),
        ("storageAccountAlreadyTaken", storageAccountAlreadyTaken("{name}")),
        ("storageInvalidKeyName", storageInvalidKeyName("{name}")),
        ("vaultAlreadyExists", vaultAlreadyExists("{name}")),
        ("vaultInDeletedState", vaultInDeletedState("{name}")),
        ("deletedVaultNotFound", deletedVaultNotFound("{name}")),
        ("containerNameInvalid", containerNameInvalid("{name}")),
        ("secretNameInvalid", secretNameInvalid("{name}")),
    ]
}
