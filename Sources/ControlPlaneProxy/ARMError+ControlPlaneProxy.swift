import ARMCore

/// The hub control-plane proxy's errors (docs/rbac-and-hub-proxy.md, "The hub control-plane proxy").
extension ARMError {
    /// ARM's gateway answer when the RP behind a proxied call cannot be reached or answers
    /// something that is not HTTP/JSON (EMULATOR CHOICE: ARM's `BadGateway` wording).
    package static func proxyBadGateway(_ url: String, reason: String) -> ARMError {
        ARMError(
            status: 502, code: "BadGateway",
            message: "The gateway received an invalid response from the resource manager at '\(url)' that owns the account: \(reason)",
            fromGateway: true)
    }

    /// ARM's `GatewayTimeout` when the target does not answer within `--proxy-timeout`.
    package static func proxyGatewayTimeout(_ url: String, milliseconds: Int) -> ARMError {
        ARMError(
            status: 504, code: "GatewayTimeout",
            message: "The gateway did not receive a response from the resource manager at '\(url)' within the specified time period "
                + "(\(milliseconds) ms).",
            fromGateway: true)
    }

    /// A connection or endpoint whose Azure AI services / Azure OpenAI account cannot be told.
    package static func proxyAccountUnresolved(_ kind: String, name: String) -> ARMError {
        ARMError(
            status: 400, code: "BadRequest",
            message: "\(kind) '\(name)' does not name an Azure OpenAI or Azure AI services account: set "
                + (kind == "Connection" ? "'properties.metadata.ResourceId'" : "'properties.associatedResourceId'")
                + " to the account's resource id.")
    }

    package static func invalidEndpointName(_ name: String) -> ARMError {
        invalidResourceName(
            name, type: "Microsoft.MachineLearningServices/workspaces/endpoints",
            rule: "The name must be 3 to 33 characters long, start with a letter or digit, and contain only letters, digits, "
                + "'_', '.' and '-'.")
    }

    package static func invalidProxyDeploymentName(_ name: String) -> ARMError {
        invalidResourceName(
            name, type: "Microsoft.MachineLearningServices/workspaces/connections/deployments",
            rule: "The name must be 3 to 33 characters long, start with a letter or digit, and contain only letters, digits, "
                + "'_' and '-'.")
    }

    package static func proxyEndpointTypeNotImplemented(_ type: String) -> ARMError {
        ARMError(
            status: 501, code: "NotImplemented",
            message: "Endpoints of type '\(type)' are not implemented by foundry-emulator's hub proxy; only 'Azure.OpenAI', "
                + "'Azure.Speech', 'Azure.ContentSafety' and 'Azure.Llama' endpoints backed by an account are.")
    }
}

extension ARMError {
    /// Every factory above, built with placeholder arguments: the inventory `ErrorCatalogTests` reads to
    /// check that no code means two things across the catalogs.
    package static let controlPlaneProxyCatalog: [(factory: String, error: ARMError)] = [
        ("proxyBadGateway", proxyBadGateway("{url}", reason: "{reason}")),
        ("proxyGatewayTimeout", proxyGatewayTimeout("{url}", milliseconds: 7)),
        ("proxyAccountUnresolved", proxyAccountUnresolved("{kind}", name: "{name}")),
        ("invalidEndpointName", invalidEndpointName("{name}")),
        ("invalidProxyDeploymentName", invalidProxyDeploymentName("{name}")),
        ("proxyEndpointTypeNotImplemented", proxyEndpointTypeNotImplemented("{type}")),
    ]
}
