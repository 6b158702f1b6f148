import ARMCore

/// One served operation as the OpenAPI document lists it (`foundry-emulator --print-routes`,
/// `scripts/generate-openapi`).
package struct RouteInventoryEntry: Sendable {
    /// The route group that serves it (`RouteGroup.name`).
    package let group: String
    package let method: String
    /// The path template, `{parameter}` segments included.
    package let path: String
    package let operationID: String
    /// The RBAC action an ARM route checks; nil where none is checked.
    package let action: String?

    package init(group: String, method: String, path: String, operationID: String, action: String? = nil) {
        self.group = group
        self.method = method
        self.path = path
        self.operationID = operationID
        self.action = action
    }

    /// The entries of a router's routes.
    static func entries(_ group: String, _ routes: [Route]) -> [RouteInventoryEntry] {
        routes.map {
            RouteInventoryEntry(group: group, method: $0.method, path: $0.pattern, operationID: $0.operationID, action: $0.action)
        }
    }
}
