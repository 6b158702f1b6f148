import ARMCore
import EmulatorHTTP
import JSON

/// `GET /metadata/endpoints`: the cloud description `az cloud register --endpoint-resource-manager`
/// (api-version 2022-09-01: one object) and azure-ai-ml / ARM_CLOUD_METADATA_URL (2019-05-01: a
/// list) read, unauthenticated (docs/azure-behaviours.md "Cloud metadata endpoint", "What azure-ai-ml needs", "What the Azure CLI needs").
/// Every endpoint points back at this server: it is the resource manager, the Entra authority and the Graph host.
package struct CloudMetadata: Sendable {
    package static let cloudName = "FoundryEmulator"
    /// Versions before this one get the list form (docs/azure-behaviours.md "Cloud metadata endpoint", an emulator choice).
    static let firstObjectFormVersion = "2022-09-01"

    package init() {}

    /// Served by a pipeline without authentication (APIVersionMiddleware, then route match); its
    /// api-version decides the shape.
    package var routes: [Route] {
        [Route("GET", "/metadata/endpoints", operationID: "CloudMetadata_Get", action: nil) { request, _ in try respond(to: request) }]
    }

    func respond(to request: ARMRequest) throws -> ARMResponse {
        // APIVersionMiddleware, first in this route's pipeline, has checked and set the version.
        let version = request.apiVersion ?? Self.firstObjectFormVersion
        let document = Self.document(baseURL: request.baseURL)
        return .ok(version < Self.firstObjectFormVersion ? .array([document]) : document)
    }

    /// The public-cloud document's shape with this server's URLs. `audiences[0]` is what az asks
    /// tokens for (`{audience}/.default`); the emulator accepts any audience.
    static func document(baseURL: String) -> JSONValue {
        let root = baseURL + "/"
        return .object(
            JSONObject([
                ("portal", .string(baseURL)),
                (
                    "authentication",
                    .object(
                        JSONObject([
                            ("loginEndpoint", .string(baseURL)),
                            ("audiences", [.string(root), "https://management.azure.com/", "https://management.core.windows.net/"]),
                            ("tenant", "common"),
                            ("identityProvider", "AAD"),
                        ]))
                ),
                ("media", "https://rest.media.azure.net"),
                ("graphAudience", "https://graph.windows.net/"),
                ("graph", "https://graph.windows.net/"),
                ("name", .string(cloudName)),
                ("suffixes", .object(suffixes)),
                ("batch", "https://batch.core.windows.net/"),
                ("resourceManager", .string(root)),
                ("activeDirectoryDataLake", "https://datalake.azure.net/"),
                ("sqlManagement", "https://management.core.windows.net:8443/"),
                // Graph-lite (`/v1.0/...`) is served by this server; az uses this as Graph's base URL.
                ("microsoftGraphResourceId", .string(root)),
                ("appInsightsResourceId", "https://api.applicationinsights.io"),
                ("appInsightsTelemetryChannelResourceId", "https://dc.applicationinsights.azure.com/v2/track"),
                ("attestationResourceId", "https://attest.azure.net"),
                ("synapseAnalyticsResourceId", "https://dev.azuresynapse.net"),
                ("logAnalyticsResourceId", "https://api.loganalytics.io"),
                ("ossrDbmsResourceId", "https://ossrdbms-aad.database.windows.net"),
            ]))
    }

    /// The public cloud's DNS suffixes: services the emulator does not serve keep Azure's names.
    static let suffixes = JSONObject([
        ("azureDataLakeStoreFileSystem", "azuredatalakestore.net"),
        ("acrLoginServer", "azurecr.io"),
        ("sqlServerHostname", "database.windows.net"),
        ("azureDataLakeAnalyticsCatalogAndJob", "azuredatalakeanalytics.net"),
        ("keyVaultDns", "vault.azure.net"),
        ("storage", "core.windows.net"),
        ("azureFrontDoorEndpointSuffix", "azurefd.net"),
        ("storageSyncEndpointSuffix", "afs.azure.net"),
        ("mhsmDns", "managedhsm.azure.net"),
        ("mysqlServerEndpoint", "mysql.database.azure.com"),
        ("postgresqlServerEndpoint", "postgres.database.azure.com"),
        ("mariadbServerEndpoint", "mariadb.database.azure.com"),
        ("synapseAnalytics", "dev.azuresynapse.net"),
        ("attestationEndpoint", "attest.azure.net"),
    ])
}
