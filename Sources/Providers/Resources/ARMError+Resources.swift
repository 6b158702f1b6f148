import ARMCore

/// Microsoft.Resources' own errors: template deployments (docs/template-deployments.md) and resource
/// provider registration (docs/served.md). The resource group and subscription
/// errors are the gateway's, in ARMCore's `ARMError+Catalog.swift`.
extension ARMError {
    /// A template that cannot be evaluated: 400 `InvalidTemplate` (docs/template-deployments.md;
    /// https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/error-invalid-template).
    package static func invalidTemplate(_ reason: String) -> ARMError {
        ARMError(status: 400, code: "InvalidTemplate", message: "Deployment template validation failed: '\(reason)'.")
    }

    /// Validation failure of a deployment: 400 `InvalidTemplateDeployment`, inner errors in `details`.
    package static func invalidTemplateDeployment(_ name: String, trackingID: String, details: [ARMError]) -> ARMError {
        ARMError(
            status: 400, code: "InvalidTemplateDeployment",
            message:
                "The template deployment '\(name)' is not valid according to the validation procedure. The tracking id is '\(trackingID)'. See inner errors for details.",
            details: details)
    }

    /// The deployment-level error of a failed deployment; the failed resources' errors are its details.
    package static func deploymentFailed(target: String, details: [ARMError]) -> ARMError {
        ARMError(
            status: 400, code: "DeploymentFailed",
            message:
                "At least one resource deployment operation failed. Please list deployment operations for details. Please see https://aka.ms/arm-deployment-operations for usage details.",
            target: target, details: details)
    }

    /// A resource whose asynchronous provisioning ended in `Failed` without an error of its own.
    package static let resourceDeploymentFailure = ARMError(
        status: 400, code: "ResourceDeploymentFailure",
        message: "The resource operation completed with terminal provisioning state 'Failed'.")

    package static func deploymentNotFound(_ name: String) -> ARMError {
        ARMError(status: 404, code: "DeploymentNotFound", message: "Deployment '\(name)' could not be found.")
    }

    package static func deploymentOperationNotFound(_ operationID: String, deployment: String) -> ARMError {
        ARMError(
            status: 404, code: "DeploymentOperationNotFound",
            message: "The operation '\(operationID)' of deployment '\(deployment)' could not be found.")
    }

    /// Deployment names: 1-64 characters of `^[-\w\._\(\)]+$` (the `deploymentName` parameter of
    /// azure-rest-api-specs `specification/resources/resource-manager/Microsoft.Resources`; code EMULATOR CHOICE).
    package static func invalidDeploymentName(_ name: String, invalid: String) -> ARMError {
        ARMError(
            status: 400, code: "InvalidDeploymentName",
            message:
                "The provided deployment name '\(name)' has these invalid characters: '\(invalid)'. The name can only be a letter, digit, '-', '.', '_', '(' or ')' and must be 1 to 64 characters long."
        )
    }

    /// A deployment body without its required parts (`properties`, `mode`, `template`).
    package static func invalidDeploymentRequest(_ message: String) -> ARMError {
        ARMError(status: 400, code: "InvalidRequestContent", message: message)
    }

    package static func deploymentCannotBeCanceled(_ name: String, state: String) -> ARMError {
        ARMError(
            status: 409, code: "DeploymentCannotBeCancelled",
            message: "The deployment '\(name)' cannot be cancelled because it is in the terminal state '\(state)'.")
    }

    /// A template resource whose type no registered provider serves (`NoRegisteredProviderFound` /
    /// `InvalidResourceType`, as the gateway's `invalidResourceType`), reported inside `InvalidTemplateDeployment`.
    package static func templateResourceTypeNotFound(_ type: String, apiVersion: String) -> ARMError {
        let parts = type.split(separator: "/", maxSplits: 1).map(String.init)
        return ARMError(
            status: 400, code: "InvalidResourceType",
            message:
                "The resource type '\(parts.count > 1 ? parts[1] : type)' could not be found in the namespace '\(parts[0])' for api version '\(apiVersion)'.",
            target: type)
    }

    /// A feature the emulator's catalog does not hold (EMULATOR CHOICE: Azure's text is not recorded publicly).
    package static func featureNotFound(_ namespace: String, _ feature: String) -> ARMError {
        ARMError(status: 404, code: "FeatureNotFound", message: "The feature '\(feature)' could not be found in namespace '\(namespace)'.")
    }

    /// Microsoft.Resources, Microsoft.Authorization and Microsoft.Features cannot be unregistered.
    package static func providerCannotBeUnregistered(_ namespace: String) -> ARMError {
        ARMError(
            status: 409, code: "ResourceProviderUnregistrationNotAllowed",
            message: "The resource provider namespace '\(namespace)' is required by Azure Resource Manager and cannot be unregistered.")
    }
}

extension ARMError {
    /// Every factory above, built with placeholder arguments: the inventory `ErrorCatalogTests` reads to
    /// check that no code means two things across the catalogs.
    package static let resourcesCatalog: [(factory: String, error: ARMError)] = [
        ("invalidTemplate", invalidTemplate("{reason}")),
        ("invalidTemplateDeployment", invalidTemplateDeployment("{name}", trackingID: "{trackingID}", details: [])),
        ("deploymentFailed", deploymentFailed(target: "{target}", details: [])),
        ("resourceDeploymentFailure", resourceDeploymentFailure),
        ("deploymentNotFound", deploymentNotFound("{name}")),
        ("deploymentOperationNotFound", deploymentOperationNotFound("{operationID}", deployment: "{deployment}")),
        ("invalidDeploymentName", invalidDeploymentName("{name}", invalid: "{invalid}")),
        ("invalidDeploymentRequest", invalidDeploymentRequest("{message}")),
        ("deploymentCannotBeCanceled", deploymentCannotBeCanceled("{name}", state: "{state}")),
        ("templateResourceTypeNotFound", templateResourceTypeNotFound("{type}", apiVersion: "{apiVersion}")),
        ("featureNotFound", featureNotFound("{namespace}", "{feature}")),
        ("providerCannotBeUnregistered", providerCannotBeUnregistered("{namespace}")),
    ]
}
