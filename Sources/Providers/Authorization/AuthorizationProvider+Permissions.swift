import ARMCore
import Authorization
import JSON

/// `GET {scope}/providers/Microsoft.Authorization/permissions` (docs/azure-behaviours.md "Permissions"): the caller's permission
/// blocks of every role assigned at the scope or above. The spec defines it for resource groups and
/// resources; tools call it at any scope (EMULATOR CHOICE: served everywhere). No action is
/// checked: a caller may always read its own permissions (an emulator choice, docs/azure-behaviours.md "Permissions").
extension AuthorizationProvider {
    var permissionRoutes: [Route] {
        [
            Route("GET", "/{scope}/providers/Microsoft.Authorization/permissions", operationID: "Permissions_ListForScope", action: nil) {
                request, parameters in
                try validateScope(parameters)
                let scope = request.resourceID
                guard let caller = request.caller else { return .ok(["value": []]) }
                let blocks = evaluator.permissions(for: caller.objectId, at: scope)
                // Not a store list: one page of everything (a caller holds few assignments).
                return .ok(.object(JSONObject([("value", .array(blocks.map(\.json)))])))
            }.skippingResourceGroupCheck()
        ]
    }
}
