import ARMCore

/// Microsoft.CognitiveServices' errors: accounts, deployments, model lifecycle and quota, raiPolicies,
/// projects (docs/accounts-and-deployments.md; docs/azure-behaviours.md "Microsoft.CognitiveServices"). The gateway's and the shared
/// codes are in ARMCore's `ARMError+Catalog.swift`.
extension ARMError {
    /// `{acct}` breaks `^[a-zA-Z0-9][a-zA-Z0-9_.-]*$` or 2-64 characters (the `accountName` parameter of
    /// azure-rest-api-specs `specification/cognitiveservices/resource-manager/Microsoft.CognitiveServices`).
    package static let invalidAccountName = ARMError(
        status: 400, code: "InvalidAccountName",
        message: "The account name is invalid. Account name can only include alphanumeric characters, underscores and hyphens; "
            + "Account name only allows 2 to 64 characters.")

    /// Unknown or unsupported `kind` [ISSUE azure-cli#6190, azurechat#274: "HTTP 400 InvalidApiSetId"].
    package static func invalidApiSetId(kind: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidApiSetId",
            message: "The account type '\(kind)' is either invalid or unavailable in given region.")
    }

    /// A SKU the kind does not offer (docs/azure-behaviours.md "Accounts: SKUs, usages and models").
    package static func specialFeatureOrQuotaIdRequired(sku: String, kind: String) -> ARMError {
        ARMError(
            status: 400, code: "SpecialFeatureOrQuotaIdRequired",
            message: "The subscription does not have QuotaId/Feature required by SKU '\(sku)' from kind '\(kind)' or contains "
                + "blocked QuotaId/Feature.")
    }

    package static func customDomainInUse(_ subdomain: String) -> ARMError {
        ARMError(
            status: 409, code: "CustomDomainInUse",
            message: "Please pick a different name. The subdomain name '\(subdomain)' is not available as it's already used by a "
                + "resource. If the resource using the name was deleted in the last 48 hours, you may need to purge the deleted "
                + "resource. Learn more at \"https://go.microsoft.com/fwlink/?linkid=2215493\"")
    }

    /// EMULATOR CHOICE (no public record of the real text for changing an immutable subdomain).
    package static func customSubDomainNameImmutable(existing: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The customSubDomainName '\(existing)' of an account cannot be changed once it is set.")
    }

    /// EMULATOR CHOICE: a subdomain that is not a DNS label (no public record of Azure's text).
    package static func invalidCustomSubDomainName(_ subdomain: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidCustomSubDomainName",
            message: "The custom subdomain name '\(subdomain)' is invalid. It must be 2 to 64 lowercase letters, digits or hyphens, "
                + "starting and ending with a letter or digit.")
    }

    package static func flagMustBeSetForRestore(id: String) -> ARMError {
        ARMError(
            status: 409, code: "FlagMustBeSetForRestore",
            message: "An existing resource with ID '\(id)' has been soft-deleted. To restore the resource, you must specify 'restore' "
                + "to be 'true' in the property. If you don't want to restore existing resource, please purge it first.")
    }

    /// EMULATOR CHOICE: `restore: true` when nothing is soft-deleted under that name (no public record of Azure's text).
    package static func deletedAccountNotFound(_ name: String, resourceGroup: String) -> ARMError {
        ARMError(
            status: 404, code: "ResourceNotFound",
            message: "The soft-deleted account '\(name)' under resource group '\(resourceGroup)' was not found, so it cannot be "
                + "restored.")
    }

    /// regenerateKey with a key name other than Key1/Key2 [ISSUE azure-cli#18407].
    package static func invalidKeyName(_ name: String) -> ARMError {
        ARMError(status: 400, code: "BadRequest", message: "The key name '\(name)' is invalid. Valid values are 'Key1' and 'Key2'.")
    }

    /// Keys with `disableLocalAuth` true: "Failed to list key. disableLocalAuth is set to be true."
    /// (the text the service is reported to answer, not confirmed by a public recording; docs/accounts-and-deployments.md).
    package static func localAuthDisabled(operation: String) -> ARMError {
        ARMError(status: 400, code: "BadRequest", message: "Failed to \(operation) key. disableLocalAuth is set to be true")
    }

    /// RequestConflict: the parent account is not in a terminal state (docs/azure-behaviours.md "Model deployments: errors and quota").
    package static func requestConflict(parentID: String) -> ARMError {
        ARMError(
            status: 409, code: "RequestConflict",
            message: "Another operation is being performed on the parent resource '\(parentID)'. Please try again later.")
    }

    /// Unknown model for this kind and region (the 2024 wording; docs/accounts-and-deployments.md shows it through `az`).
    package static func deploymentModelNotSupported(format: String, name: String, version: String) -> ARMError {
        ARMError(
            status: 400, code: "DeploymentModelNotSupported",
            message: "The model 'Publisher: , Format: \(format), Name: \(name), Version: \(version), Source: , SourceAccount: ' of "
                + "account deployment is not supported.")
    }

    /// A version whose lifecycle status is `Deprecated` before its inference date passes
    /// (github.com/Azure/bicep-registry-modules/issues/450, github.com/akshata29/entaoai/issues/30).
    package static func deploymentModelRetired(name: String) -> ARMError {
        ARMError(
            status: 400, code: "DeploymentModelNotSupported",
            message: "Creating account deployment is not supported by the model '\(name)'. This is usually because there are "
                + "better models available for the similar functionality.")
    }

    /// `sku.name` not among the model's SKUs (docs/azure-behaviours.md "Model deployments: errors and quota").
    package static func deploymentSkuNotSupported(sku: String, model: String, version: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidResourceProperties",
            message: "The specified SKU '\(sku)' of account deployment is not supported by the model '\(model)' version: '\(version)'.")
    }

    /// `InvalidCapacity`: capacity outside the SKU's `capacity{minimum,maximum}` range, as the service
    /// answered in 2026 ("The specified capacity '-1780' of account deployment should be at least 1 and
    /// no more than 1000000.", github.com/microsoft/microsoft-foundry-for-vscode/issues/331; the 2023 text
    /// "should be greater than 0 and no more than 3." is in github.com/Azure/business-process-automation/issues/259).
    package static func deploymentCapacityInvalid(_ capacity: Int, minimum: Int, maximum: Int) -> ARMError {
        ARMError(
            status: 400, code: "InvalidCapacity",
            message: "The specified capacity '\(capacity)' of account deployment should be at least \(minimum) and no more than "
                + "\(maximum).")
    }

    /// EMULATOR CHOICE (no public capture of the service's text): capacity inside the range but not a
    /// multiple of the SKU's `capacity.step` (provisioned SKUs step by 5, 25, 50, ...).
    package static func deploymentCapacityStep(_ capacity: Int, step: Int) -> ARMError {
        ARMError(
            status: 400, code: "InvalidCapacity",
            message: "The specified capacity '\(capacity)' of account deployment should be a multiple of \(step).")
    }

    /// `ServiceModelDeprecated`: the model version's `deprecation.inference` date has passed
    /// ("The model 'Format:OpenAI,Name:gpt-4o-mini,Version:2024-07-18' has been deprecated since 03/31/2026 00:00:00.",
    /// github.com/microsoft/microsoft-foundry-for-vscode/issues/491; the same shape in
    /// github.com/Azure-Samples/Azure-Functions-OpenAI-Demo/issues/30). `since` is `MM/dd/yyyy HH:mm:ss`.
    package static func serviceModelDeprecated(format: String, name: String, version: String, since: String) -> ARMError {
        ARMError(
            status: 400, code: "ServiceModelDeprecated",
            message: "The model 'Format:\(format),Name:\(name),Version:\(version)' has been deprecated since \(since).")
    }

    /// `ServiceModelDeprecating`: a version in the `Deprecating` lifecycle state takes no new deployments
    /// ("The model 'Publisher:xAI,Format:xAI,Name:grok-4-fast-reasoning,Version:1' is in deprecating state and
    /// cannot be used for new deployments.", github.com/microsoft/microsoft-foundry-for-vscode/issues/557).
    package static func serviceModelDeprecating(format: String, name: String, version: String) -> ARMError {
        ARMError(
            status: 400, code: "ServiceModelDeprecating",
            message: "The model 'Publisher:\(format),Format:\(format),Name:\(name),Version:\(version)' is in deprecating state and "
                + "cannot be used for new deployments.")
    }

    /// EMULATOR CHOICE text for changing an existing deployment's model (docs/accounts-and-deployments.md).
    package static let deploymentModelChange = ARMError(
        status: 400, code: "InvalidResourceProperties",
        message: "Changing the model of an existing deployment is not supported.")

    /// EMULATOR CHOICE (docs/accounts-and-deployments.md): a kind without model deployments (Speech, ContentSafety, ...).
    package static func deploymentsNotSupported(kind: String) -> ARMError {
        ARMError(
            status: 400, code: "OperationNotSupported",
            message: "The account kind '\(kind)' does not support model deployments.")
    }

    /// `InsufficientQuota`: the capacity fits the SKU's range but not the subscription's free quota
    /// for the usage name in the region (text from github.com/microsoft/PubSec-Info-Assistant/issues/880,
    /// Azure-Samples/azure-search-openai-demo#2249); `quotaName` is the usage's `localizedValue`.
    package static func insufficientQuota(requested: Int, available: Int, used: Int, limit: Int, quotaName: String) -> ARMError {
        ARMError(
            status: 400, code: "InsufficientQuota",
            message: "This operation require \(requested) new capacity in quota \(quotaName), which is bigger than the current "
                + "available capacity \(available). The current quota usage is \(used) and the quota limit is \(limit) for quota "
                + "\(quotaName).")
    }

    /// A property with a missing or wrongly typed value (EMULATOR CHOICE wording).
    package static func invalidResourceProperties(_ message: String) -> ARMError {
        ARMError(status: 400, code: "InvalidResourceProperties", message: message)
    }

    /// `raiPolicyName` on a deployment that names no policy of the account (EMULATOR CHOICE: no public record of Azure's text).
    package static func raiPolicyNotFound(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidResourceProperties",
            message: "The specified RAI policy '\(name)' of account deployment does not exist.")
    }

    /// EMULATOR CHOICE (docs/accounts-and-deployments.md): built-in policies cannot be changed or deleted.
    package static func raiPolicySystemManaged(_ name: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The RAI policy '\(name)' is system managed and cannot be modified or deleted.")
    }

    /// EMULATOR CHOICE (docs/accounts-and-deployments.md): projects need kind AIServices with allowProjectManagement.
    package static func projectManagementNotAllowed(account: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "Project management is not enabled on account '\(account)'. Set properties.allowProjectManagement to true on "
                + "an account of kind 'AIServices' to create projects.")
    }

    /// EMULATOR CHOICE (docs/accounts-and-deployments.md): deleting the default project while others exist.
    package static func defaultProjectDeletion(_ project: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The default project '\(project)' cannot be deleted while the account has other projects. Delete the other "
                + "projects first.")
    }

    /// Invalid child names (deployments, projects, connections, raiPolicies): EMULATOR CHOICE wording.
    package static func invalidChildName(_ name: String, kind: String, rule: String) -> ARMError {
        ARMError(status: 400, code: "InvalidResourceName", message: "The \(kind) name '\(name)' is invalid. \(rule)")
    }

    /// Projects and accounts must share a region.
    package static func projectLocationMismatch(_ location: String, account: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "The project location '\(location)' must match the location '\(account)' of its parent account.")
    }
}

extension ARMError {
    /// Every factory above, built with placeholder arguments: the inventory `ErrorCatalogTests` reads to
    /// check that no code means two things across the catalogs.
    package static let cognitiveServicesCatalog: [(factory: String, error: ARMError)] = [
        ("invalidAccountName", invalidAccountName),
        ("invalidApiSetId", invalidApiSetId(kind: "{kind}")),
        ("specialFeatureOrQuotaIdRequired", specialFeatureOrQuotaIdRequired(sku: "{sku}", kind: "{kind}")),
        ("customDomainInUse", customDomainInUse("{subdomain}")),
        ("customSubDomainNameImmutable", customSubDomainNameImmutable(existing: "{existing}")),
        ("invalidCustomSubDomainName", invalidCustomSubDomainName("{subdomain}")),
        ("flagMustBeSetForRestore", flagMustBeSetForRestore(id: "{id}")),
        ("deletedAccountNotFound", deletedAccountNotFound("{name}", resourceGroup: "{resourceGroup}")),
        ("invalidKeyName", invalidKeyName("{name}")),
        ("localAuthDisabled", localAuthDisabled(operation: "{operation}")),
        ("requestConflict", requestConflict(parentID: "{parentID}")),
        ("deploymentModelNotSupported", deploymentModelNotSupported(format: "{format}", name: "{name}", version: "{version}")),
        ("deploymentModelRetired", deploymentModelRetired(name: "{name}")),
        ("deploymentSkuNotSupported", deploymentSkuNotSupported(sku: "{sku}", model: "{model}", version: "{version}")),
        ("deploymentCapacityInvalid", deploymentCapacityInvalid(7, minimum: 7, maximum: 7)),
        ("deploymentCapacityStep", deploymentCapacityStep(7, step: 7)),
        ("serviceModelDeprecated", serviceModelDeprecated(format: "{format}", name: "{name}", version: "{version}", since: "{since}")),
        ("serviceModelDeprecating", serviceModelDeprecating(format: "{format}", name: "{name}", version: "{version}")),
        ("deploymentModelChange", deploymentModelChange),
        ("deploymentsNotSupported", deploymentsNotSupported(kind: "{kind}")),
        ("insufficientQuota", insufficientQuota(requested: 7, available: 7, used: 7, limit: 7, quotaName: "{quotaName}")),
        ("invalidResourceProperties", invalidResourceProperties("{message}")),
        ("raiPolicyNotFound", raiPolicyNotFound("{name}")),
        ("raiPolicySystemManaged", raiPolicySystemManaged("{name}")),
        ("projectManagementNotAllowed", projectManagementNotAllowed(account: "{account}")),
        ("defaultProjectDeletion", defaultProjectDeletion("{project}")),
        ("invalidChildName", invalidChildName("{name}", kind: "{kind}", rule: "{rule}")),
        ("projectLocationMismatch", projectLocationMismatch("{location}", account: "{account}")),
    ]
}
