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
        // Every `/dataplane/` call is asked first: an ASCII path without the suffix anywhere is refused
        // on its bytes, without splitting it (which showed in a profile of chat completions).
        if !mayNameVault(request.path) { return false }
        let segments = request.path.nonEmptyPathSegments
        return segments.count > 1 && segments[0].lowercased() == "dataplane" && VaultDirectory.vaultName(host: segments[1]) != nil
    }

    /// False when `path` is ASCII and holds no `.vault.azure.net` in any letter case.
    static func mayNameVault(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            if bytes.contains(where: { $0 >= 0x80 }) { return true }
            let suffix = vaultHostSuffix
            guard bytes.count >= suffix.count else { return false }
            for start in 0...(bytes.count - suffix.count) where bytes[start] == UInt8(ascii: ".") {
                var offset = 1
                while offset < suffix.count {
                    let byte = bytes[start + offset]
                    let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
                    guard lower == suffix[offset] else { break }
                    offset += 1
                }
                if offset == suffix.count { return true }
            }
            return false
        }
    }

    static let vaultHostSuffix = Array(VaultDirectory.hostSuffix.utf8)

    package func handle(_ request: HTTPRequest) async -> HTTPResponse {
        await pipeline.handle(request)
    }
}
