import ARMCore
import DataPlane
import DependentsProvider
import EmulatorHTTP
import Identity
import Portal

extension Emulator {
    /// The top-level route groups in dispatch order (docs/architecture.md "A request's way"), and the ARM
    /// pipeline's group, which answers whatever none of them claims.
    static func routeGroups(
        keyVault: KeyVaultDataPlane, dataPlane: DataPlane, operatorPipeline: ARMPipeline, publicPipeline: ARMPipeline,
        graphPipeline: ARMPipeline,
        identity: IdentityPipeline, armPipeline: ARMPipeline
    ) -> (groups: [RouteGroup], otherwise: RouteGroup) {
        let portal = Portal()
        var dataPlaneGroup = RouteGroup.under(
            "dataplane", name: "dataplane",
            routes: dataPlane.router.routes.map {
                RouteInventoryEntry(
                    group: "dataplane", method: $0.method, path: "/dataplane/{host}/" + $0.path, operationID: $0.operationID)
            },
            handler: { await dataPlane.handle($0) })
        dataPlaneGroup.writesAccessLog = false
        // Key Vault's secrets under `/dataplane/{vault}.vault.azure.net/` (docs/dataplane.md "Key Vault
        // secrets"): the Dependents provider's chain, asked before the accounts' data plane.
        let keyVaultGroup = RouteGroup(
            name: "keyvault", claims: { request, first in first == "dataplane" && KeyVaultDataPlane.claims(request) },
            handler: { await keyVault.handle($0) }, routes: RouteInventoryEntry.entries("keyvault", keyVault.pipeline.router.routes))
        let groups: [RouteGroup] = [
            keyVaultGroup, dataPlaneGroup,
            // `GET /` for a browser and `/_portal/*`; `GET /` from an API client goes on down the list.
            RouteGroup(
                name: "portal", claims: { request, _ in portal.claims(request) },
                handler: { request in portal.response(to: request) ?? .text(404, "No portal file.\n") },
                routes: Portal.operations.map {
                    RouteInventoryEntry(group: "portal", method: $0.method, path: $0.path, operationID: $0.operationID)
                }),
            .under(
                "_emulator", name: "operator", routes: RouteInventoryEntry.entries("operator", operatorPipeline.router.routes),
                handler: { await operatorPipeline.handle($0) }),
            RouteGroup(
                name: "public",
                claims: { request, first in
                    guard first == "metadata" else { return false }
                    let segments = request.path.nonEmptyPathSegments
                    return segments.count > 1 && segments[1].lowercased() == "endpoints"
                },
                handler: { await publicPipeline.handle($0) }, routes: RouteInventoryEntry.entries("public", publicPipeline.router.routes)),
            .under(
                "v1.0", name: "graph", routes: RouteInventoryEntry.entries("graph", graphPipeline.router.routes),
                handler: { await graphPipeline.handle($0) }),
            RouteGroup(
                name: "identity",
                claims: { request, _ in identity.service.handles(rawPath: request.path) },
                handler: { await identity.handle($0) }, routes: RouteInventoryEntry.entries("identity", identity.routes)),
        ]
        let arm = RouteGroup(
            name: "arm", claims: { _, _ in true }, handler: { await armPipeline.handle($0) },
            routes: RouteInventoryEntry.entries("arm", armPipeline.router.routes))
        return (groups, arm)
    }
}
