import ARMCore
import Authorization
import Foundation
import Identity
import JSON

/// Microsoft.Authorization, the ARM face of the RBAC engine (docs/azure-behaviours.md "Microsoft.Authorization and RBAC", api-version
/// 2022-04-01; roleDefinitions also 2022-05-01-preview as az sends): role assignments and role
/// definitions at any scope, and the caller's permissions.
///
/// Limitations (LocalStack style): no deny assignments, groups, management groups, eligibility
/// schedules (PIM), classic administrators or `atScopeAndBelow`; the last-Owner protection of
/// real ARM is not enforced.
package struct AuthorizationProvider: Sendable {
    let directory: Directory
    let store: ResourceStore
    package let evaluator: AccessEvaluator
    let now: @Sendable () -> Date
    /// The seed file's role assignments, resolved once (their generated names stay stable across
    /// resets).
    let seedAssignments: [(id: ResourceID, body: JSONObject)]

    /// Name of the operator's Owner assignment on the default subscription (docs/reference.md "The well-known world").
    package static let operatorOwnerAssignmentName = "fe000000-0000-4000-8000-0000000000a0"
    /// Name of the default user's Owner assignment on the default subscription.
    package static let developerOwnerAssignmentName = "fe000000-0000-4000-8000-0000000000a1"

    package init(
        directory: Directory, store: ResourceStore, evaluator: AccessEvaluator, now: @escaping @Sendable () -> Date = Date.init
    ) throws {
        self.directory = directory
        self.store = store
        self.evaluator = evaluator
        self.now = now
        self.seedAssignments = try Self.resolveSeed(directory.seedRoleAssignments, catalog: evaluator.catalog, directory: directory)
    }

    static let apiVersions = ["2022-05-01-preview", "2022-04-01", "2020-04-01-preview", "2018-01-01-preview", "2015-07-01"]

    package static let registration = ResourceProviderRegistration(
        namespace: "Microsoft.Authorization",
        resourceTypes: [
            .init(name: "roleAssignments", apiVersions: apiVersions),
            .init(name: "roleDefinitions", apiVersions: apiVersions),
            .init(name: "permissions", apiVersions: apiVersions),
        ])

    package var routes: [Route] { roleAssignmentRoutes + roleDefinitionRoutes + permissionRoutes }

    /// `{scope}` must be an ARM scope (`/` is the tenant root): 400 `InvalidScope` otherwise. The
    /// handlers read the scope from the route's target (`request.resourceID`) once this passed; an
    /// unknown subscription in it was answered before, by `SubscriptionMiddleware`.
    func validateScope(_ parameters: RouteParameters) throws {
        let text = parameters.required("scope")
        guard text == "/" || ResourceID(text) != nil else { throw ARMError.invalidScope(text) }
    }

    // MARK: seeding

    /// Writes the operator's Owner assignment and the seed file's assignments (at start and after
    /// a reset; the operator API itself never depends on RBAC).
    package func seed() {
        writeOwnerAssignment(
            name: Self.operatorOwnerAssignmentName, principalId: WellKnown.operatorObjectId, principalType: "ServicePrincipal",
            description: "The emulator's operator service principal is Owner of the default subscription.")
        // EMULATOR CHOICE: the well-known developer user (device-code sign-in, the human at the
        // keyboard) owns the default subscription too, as a developer owns their own subscription.
        // Test principals from /_emulator/principals start with no role at all.
        writeOwnerAssignment(
            name: Self.developerOwnerAssignmentName, principalId: WellKnown.userObjectId, principalType: "User",
            description: "The emulator's default user is Owner of the default subscription.")
        for entry in seedAssignments { _ = try? store.put(entry.id, body: entry.body) }
    }

    /// An Owner assignment on the default subscription.
    private func writeOwnerAssignment(name: String, principalId: String, principalType: String, description: String) {
        let subscription = ResourceID.subscription(WellKnown.subscriptionId)
        let id = subscription.appending(namespace: "Microsoft.Authorization", type: "roleAssignments", name: name)
        let assignment = RoleAssignment(
            id: id, scope: subscription,
            roleDefinitionId: subscription.description + "/providers/Microsoft.Authorization/roleDefinitions/" + RoleCatalog.ownerGUID,
            principalId: principalId, principalType: principalType, description: description)
        let body = assignment.body(createdBy: nil, at: now())
        _ = try? store.put(id, body: body)
    }

    /// Seed entries: `{principalId, roleDefinitionName | roleDefinitionId, scope, name?, principalType?,
    /// condition?, conditionVersion?, description?}`.
    static func resolveSeed(
        _ entries: [JSONValue], catalog: RoleCatalog, directory: Directory
    ) throws -> [(id: ResourceID, body: JSONObject)] {
        try entries.enumerated().map { index, entry in
            func fail(_ message: String) -> DirectoryError { DirectoryError("Invalid seed file: roleAssignments[\(index)]: \(message)") }
            guard let principalId = entry["principalId"]?.stringValue else { throw fail("'principalId' is required") }
            guard let scopeText = entry["scope"]?.stringValue,
                let scope = scopeText == "/" ? ResourceID.tenantRoot : ResourceID(scopeText)
            else { throw fail("'scope' must be an ARM scope") }
            let guid: String
            if let name = entry["roleDefinitionName"]?.stringValue {
                guard let role = catalog.builtIn(roleName: name) else { throw fail("unknown built-in role '\(name)'") }
                guid = role.name
            } else if let id = entry["roleDefinitionId"]?.stringValue {
                guid = String(id.split(separator: "/").last ?? "")
            } else {
                throw fail("'roleDefinitionName' or 'roleDefinitionId' is required")
            }
            let condition = entry["condition"]?.stringValue
            if let condition {
                do { _ = try ConditionParser.parse(condition) } catch { throw fail("condition: \(error)") }
            }
            let name = entry["name"]?.stringValue ?? newGUID()
            let id = scope.appending(namespace: "Microsoft.Authorization", type: "roleAssignments", name: name)
            let subscriptionPrefix = scope.subscriptionID.map { "/subscriptions/" + $0 } ?? ""
            let principalType =
                entry["principalType"]?.stringValue
                ?? directory.principal(objectId: principalId).map(Self.principalType(of:)) ?? "ServicePrincipal"
            let assignment = RoleAssignment(
                id: id, scope: scope, roleDefinitionId: subscriptionPrefix + "/providers/Microsoft.Authorization/roleDefinitions/" + guid,
                principalId: principalId, principalType: principalType, condition: condition,
                conditionVersion: condition == nil ? nil : (entry["conditionVersion"]?.stringValue ?? "2.0"),
                description: entry["description"]?.stringValue)
            let body = assignment.body(createdBy: nil, at: Date())
            return (id, body)
        }
    }

    /// How ARM types a principal in `principalType`: managed identities are service principals.
    static func principalType(of principal: Principal) -> String {
        switch principal {
        case .user: "User"
        case .servicePrincipal, .managedIdentity: "ServicePrincipal"
        }
    }
}
