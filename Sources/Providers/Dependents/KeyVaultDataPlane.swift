import ARMCore
import EmulatorHTTP

/// Key Vault's secrets data plane, served under `/dataplane/{vaultName}.vault.azure.net/` like the
/// accounts' endpoints (docs/dataplane.md "Key Vault secrets"). Its own chain, built from ARMCore's
/// pipeline: Key Vault error shape -> vault by host -> bearer token for `https://vault.azure.net`
/// -> api-version -> route match -> data-action RBAC -> fault injection -> handler. The Machine
/// Learning service keeps connection secrets through it as its first-party principal, with
/// `InternalRequests` connected to `pipeline` (docs/hubs-and-projects.md).
package struct KeyVaultDataPlane: Sendable {
    package let pipeline: ARMPipeline

    /// - Parameters:
    ///   - validate: the token service's validation of a bearer token (nil: not a valid token).
    ///   - authorize: the RBAC engine's decision on a data action; nil with `--rbac off`.
    ///   - defaultTenantID: the tenant the 401 challenge names for a vault without `tenantId`.
    package init(
        provider: DependentsProvider, validate: @escaping @Sendable (String) -> Caller?,
        authorize: (@Sendable (_ caller: Caller, _ dataAction: String, _ scope: ResourceID) -> Bool)?, defaultTenantID: String,
        faults: FaultInjector
    ) {
        let directory = VaultDirectory(store: provider.store)
        let router = Router(routes: provider.secretDataPlaneRoutes)
        var middleware: [any ARMMiddleware] = [
            KeyVaultErrorMiddleware(), VaultHostMiddleware(directory: directory),
            KeyVaultAuthenticationMiddleware(validate: validate, directory: directory, defaultTenantID: defaultTenantID),
            KeyVaultAPIVersionMiddleware(), RouteMatchMiddleware(router: router),
        ]
        if let authorize { middleware.append(KeyVaultAuthorizationMiddleware(authorize: authorize, directory: directory)) }
        middleware.append(FaultInjectionMiddleware(injector: faults))
        pipeline = ARMPipeline(middleware: middleware, router: router)
    }

    /// Whether a request is for this data plane: `/dataplane/{name}.vault.azure.net/...`.
    package static func claims(_ request: HTTPRequest) -> Bool {
        let segments = request.path.nonEmptyPathSegments
        return segments.count > 1 && segments[0].lowercased() == "dataplane" && VaultDirectory.vaultName(host: segments[1]) != nil
    }

    package func handle(_ request: HTTPRequest) async -> HTTPResponse {
        await pipeline.handle(request)
    }
}
