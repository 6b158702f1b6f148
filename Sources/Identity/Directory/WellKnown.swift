/// The fixed, documented world every emulator starts with (docs/reference.md "The well-known world"). Like
/// Azurite's `devstoreaccount1` key these values are public on purpose, so scripts and cached `az`
/// logins keep working across restarts. Never use them for anything real.
package enum WellKnown {
    // MARK: tenant

    package static let tenantId = "fe000000-0000-4000-8000-000000000001"
    package static let tenantDisplayName = "Foundry Emulator"
    package static let tenantDomain = "foundryemulator.onmicrosoft.com"

    // MARK: subscription

    package static let subscriptionId = "fe000000-0000-4000-8000-000000000002"
    package static let subscriptionDisplayName = "Foundry Emulator Subscription"
    package static let subscriptionState = "Enabled"

    // MARK: operator service principal (Owner of the default subscription)

    package static let operatorObjectId = "fe000000-0000-4000-8000-000000000003"
    package static let operatorClientId = "fe000000-0000-4000-8000-000000000004"
    package static let operatorClientSecret = "foundry-emulator-operator-secret"
    package static let operatorDisplayName = "foundry-emulator-operator"

    // MARK: default user (device-code and password sign-ins)

    package static let userPrincipalName = "developer@foundryemulator.onmicrosoft.com"
    package static let userPassword = "Foundry-Emulator-1"
    package static let userObjectId = "fe000000-0000-4000-8000-000000000005"
    package static let userDisplayName = "Foundry Developer"

    // MARK: public clients

    /// The Azure CLI's application id (docs/azure-behaviours.md "What the Azure CLI needs"); azure-identity's developer credentials
    /// use it too. Accepted without a secret for device-code, password and refresh-token grants.
    package static let azureCLIClientId = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"
    /// Azure PowerShell's application id.
    package static let azurePowerShellClientId = "1950a258-227b-4e31-a9cf-717495945fc2"
    /// Visual Studio Code's (Azure Account) application id.
    package static let visualStudioCodeClientId = "aebc6443-996d-45c2-90f0-388ff96faa56"
    /// Client ids treated as public clients (RFC 6749 section 2.1): no secret, user grants only.
    package static let publicClientIds: Set<String> = [azureCLIClientId, azurePowerShellClientId, visualStudioCodeClientId]

    // MARK: managed identity

    /// The `IDENTITY_HEADER` secret `/msi/token` requires in `X-IDENTITY-HEADER` (App Service protocol).
    package static let identityHeader = "foundry-emulator-identity-header"
    /// The user-assigned identity `/msi/token` and IMDS answer for when no identity is named.
    package static let managedIdentityDisplayName = "foundry-emulator-host"
    package static let managedIdentityObjectId = "fe000000-0000-4000-8000-000000000006"
    package static let managedIdentityClientId = "fe000000-0000-4000-8000-000000000007"
    /// ARM id of the default identity (`xms_mirid`). The resource group is notional: it need not exist.
    package static let managedIdentityResourceId =
        "/subscriptions/\(subscriptionId)/resourcegroups/foundry-emulator/providers/Microsoft.ManagedIdentity/userAssignedIdentities/\(managedIdentityDisplayName)"

    // MARK: hub control-plane proxy (first-party service principal)

    /// The first-party service principal the hub control-plane proxy authenticates as when it
    /// forwards a workspace's deployment or model call to the Cognitive Services account (reference
    /// docs/azure-behaviours.md "Hub control-plane proxy routes"). Every emulator trusts it for account deployment and model
    /// operations only (the evaluator's first-party grant, `ControlPlaneProxy.HubProxyRole`). It has
    /// no client secret, so nobody can sign in as it: only an emulator mints its tokens.
    package static let hubProxyObjectId = "fe000000-0000-4000-8000-000000000008"
    package static let hubProxyClientId = "fe000000-0000-4000-8000-000000000009"
    package static let hubProxyDisplayName = "foundry-emulator-hub-proxy"

    // MARK: Azure Machine Learning service (first-party service principal)

    /// The first-party service principal of the Machine Learning resource provider: it creates a
    /// hub's storage account and key vault and a project's containers and role assignment through
    /// the ARM pipeline (docs/hubs-and-projects.md "Resources the ML service creates"). Every emulator
    /// trusts it with `MachineLearningServiceRole` only. The application id is the Azure Machine
    /// Learning first-party application's; the object id is the emulator's, as a service principal's
    /// object id differs per tenant. It has no client secret and is not in the directory: nobody
    /// signs in as it, only the emulator sends requests as it.
    package static let machineLearningServiceObjectId = "fe000000-0000-4000-8000-00000000000a"
    package static let machineLearningServiceClientId = "0736f41a-0425-4b46-bdb5-1563eff02385"
    package static let machineLearningServiceDisplayName = "Azure Machine Learning"

    // MARK: tokens

    /// Access-token lifetime: `exp - iat`. `expires_in` reports one second less, like Entra.
    package static let accessTokenLifetime: Int = 3600
    package static let expiresIn: Int = 3599
    /// Refresh tokens expire after 90 days of inactivity in Entra; ours are rotated on every use.
    package static let refreshTokenLifetime: Int = 90 * 24 * 3600
    /// RFC 8628 section 3.2 `expires_in` of a device code.
    package static let deviceCodeLifetime: Int = 900
    /// RFC 8628 section 3.2 `interval`. One second: codes are approved at once, so polling never waits long.
    package static let deviceCodeInterval: Int = 1
    /// Clock skew allowed on `exp` and `nbf` when validating tokens.
    package static let clockSkew: Int = 300
    /// The audience Entra gives tokens requested with only OpenID scopes: Microsoft Graph.
    package static let graphAudience = "00000003-0000-0000-c000-000000000000"
}
