import ARMCore
import DataPlane
import Identity
import Portal

extension Emulator {
    /// Every operation the emulator serves, as method and path template: the routes of its routers
    /// and the Entra ID endpoints and portal files served outside them. `openapi/foundry-emulator.json` must list
    /// exactly these (EmulatorTests/OpenAPIDocumentTests).
    package var servedOperations: [(method: String, path: String)] {
        routers.flatMap { router in router.routes.map { (method: $0.method, path: $0.pattern) } }
            + IdentityService.endpoints + Portal.operations
            + dataPlaneRoutes.map { (method: $0.method, path: "/dataplane/{host}/" + $0.path) }
    }
}
