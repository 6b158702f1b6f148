import ARMCore
import Synchronization

/// The RBAC engine (docs/azure-behaviours.md "How access is evaluated"): effective access is the union over every assignment of the
/// principal at the scope or an ancestor of (actions - notActions) of its role, per permission block, with
/// the conditions of the assignment and of the block holding. Deny assignments are not modelled.
///
/// Assignments are read from the resource store, whoever wrote them; their conditions are parsed
/// lazily and cached by text.
package final class AccessEvaluator: Sendable {
    package let store: ResourceStore
    /// The store's revisions of the types the caches depend on, read without its lock.
    let assignmentRevision: TypeRevision
    let definitionRevision: TypeRevision
    package let catalog: RoleCatalog
    private let conditions = Mutex<[String: Result<Condition, ConditionError>]>([:])
    /// Every stored assignment, parsed, by lower-case principal id, as of a store revision of the
    /// assignment type: every ARM request asks, and re-reading and re-parsing them each time was a
    /// quarter of an authenticated GET (scripts/benchmark, perf).
    private let assignmentCache = Mutex<(revision: ResourceStore.Revision, byPrincipal: [String: [RoleAssignment]])?>(nil)
    /// Each principal's resolved grants, valid while the store revisions of assignments and role
    /// definitions and the principal's group memberships are those they were built from: resolving
    /// them (roles, conditions, copies) was 4% of an authenticated GET's CPU (perf).
    private let grantCache = Mutex<GrantCache>(GrantCache())
    /// First-party principals the emulator trusts by construction, keyed by lower-case object id,
    /// with the one role each holds at the tenant root (the hub control-plane proxy's principal;
    /// docs/azure-behaviours.md "Hub control-plane proxy routes"). Like Azure's first-party services they hold no role assignment
    /// a client could see or delete, and a role definition that grants only what they need.
    package let firstPartyRoles: [String: RoleDefinition]
    /// The object ids of every group a principal belongs to, transitively: a role assigned to a
    /// group (principalType `Group`) is granted to its members (docs/rbac-and-hub-proxy.md). The
    /// directory lives above this layer, so the composition root supplies it.
    package let groupMemberships: @Sendable (String) -> [String]

    package init(
        store: ResourceStore, catalog: RoleCatalog = .standard, firstPartyRoles: [String: RoleDefinition] = [:],
        groupMemberships: @escaping @Sendable (String) -> [String] = { _ in [] }
    ) {
        self.store = store
        assignmentRevision = store.typeRevision(RoleAssignment.resourceType)
        definitionRevision = store.typeRevision(RoleDefinition.resourceType)
        self.catalog = catalog
        self.groupMemberships = groupMemberships
        self.firstPartyRoles = Dictionary(firstPartyRoles.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The synthetic tenant-root grant of a first-party principal, if it is one.
    func firstPartyGrant(for principal: String) -> Grant? {
        guard let role = firstPartyRoles[principal], let id = ResourceID("/providers/Microsoft.Authorization/roleAssignments/" + role.name)
        else { return nil }
        let assignment = RoleAssignment(
            id: id, scope: .tenantRoot, roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/" + role.name,
            principalId: principal, principalType: "ServicePrincipal")
        return Grant(assignment: assignment, role: role, condition: nil)
    }

    /// Every stored role assignment, in key order.
    package func allAssignments() -> [RoleAssignment] {
        store.all(under: nil, types: [RoleAssignment.resourceType]).compactMap(RoleAssignment.init(stored:))
    }

    /// The stored assignments grouped by principal, re-read only when an assignment changed. The
    /// revision is taken before the read, so a cache entry is never older than its revision says.
    func assignmentsByPrincipal() -> [String: [RoleAssignment]] {
        let revision = assignmentRevision.current
        if let cached = assignmentCache.withLock({ $0 }), cached.revision == revision { return cached.byPrincipal }
        let byPrincipal = Dictionary(grouping: allAssignments(), by: \.principalId)
        assignmentCache.withLock { $0 = (revision, byPrincipal) }
        return byPrincipal
    }

    /// A role definition by GUID: built-in, else a stored custom role.
    package func roleDefinition(guid: String) -> RoleDefinition? {
        if let builtIn = catalog.builtIn(guid: guid) { return builtIn }
        let wanted = guid.lowercased()
        return store.all(under: nil, types: [RoleDefinition.resourceType])
            .first { $0.id.name.lowercased() == wanted }
            .flatMap(RoleDefinition.init(stored:))
    }

    /// The custom roles in the store.
    package func customRoles() -> [RoleDefinition] {
        store.all(under: nil, types: [RoleDefinition.resourceType]).compactMap(RoleDefinition.init(stored:))
    }

    /// The grants of one principal (its assignments and those of its groups, with roles and
    /// conditions resolved). Served from `grantCache` while nothing they depend on changed; the
    /// revisions are taken before the read, so an entry is never older than its key says.
    package func grants(for principalId: String) -> [Grant] {
        let principal = principalId.lowercasedIfNeeded
        let key = GrantCache.Key(
            assignments: assignmentRevision.current,
            definitions: definitionRevision.current,
            groups: groupMemberships(principal).map { $0.lowercased() })
        if let cached = grantCache.withLock({ $0.grants(of: principal, key: key) }) { return cached }
        let grants = resolveGrants(principal: principal, groups: key.groups)
        grantCache.withLock { $0.store(grants, of: principal, key: key) }
        return grants
    }

    /// Builds a principal's grants from the store (`grants(for:)` without the cache).
    func resolveGrants(principal: String, groups: [String]) -> [Grant] {
        let byPrincipal = assignmentsByPrincipal()
        let assignments = ([principal] + groups).flatMap { byPrincipal[$0] ?? [] }
        let firstParty = firstPartyGrant(for: principal).map { [$0] } ?? []
        guard !assignments.isEmpty else { return firstParty }
        var customs: [String: RoleDefinition]?
        return assignments.map { assignment in
            let guid = assignment.roleDefinitionGUID
            var role = catalog.builtIn(guid: guid)
            if role == nil {
                if customs == nil {
                    customs = Dictionary(customRoles().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
                }
                role = customs?[guid]
            }
            return Grant(assignment: assignment, role: role, condition: assignment.condition.map(parsedCondition))
        } + firstParty
    }

    /// Parse once per distinct text.
    package func parsedCondition(_ text: String) -> Result<Condition, ConditionError> {
        if let cached = conditions.withLock({ $0[text] }) { return cached }
        let result: Result<Condition, ConditionError>
        do { result = .success(try ConditionParser.parse(text)) } catch { result = .failure(error) }
        conditions.withLock { $0[text] = result }
        return result
    }

    /// Decides from already fetched grants (no store access: safe inside a store filter).
    package func decide(
        _ grants: [Grant], action: String, isDataAction: Bool = false, scope: ResourceID,
        attributes: [String: [String]] = [:], subOperation: String? = nil
    ) -> AccessDecision {
        var deniedByCondition = false
        let context = ConditionContext(action: action, subOperation: subOperation, attributes: attributes)
        // Most specific scope first, so the deciding assignment is the closest one. Sorted as
        // indices: sorting the grants themselves copied every one of them (retains of their strings).
        let applicable = grants.indices.filter { grants[$0].assignment.applies(to: scope) }
            .sorted { grants[$0].assignment.scope.key.count > grants[$1].assignment.scope.key.count }
        for index in applicable {
            let grant = grants[index]
            guard let role = grant.role else { continue }
            for permission in role.permissions where permission.grants(action, isDataAction: isDataAction) {
                if let blockCondition = permission.condition {
                    guard case .success(let parsed) = parsedCondition(blockCondition), parsed.evaluate(context) else {
                        deniedByCondition = true
                        continue
                    }
                }
                switch grant.condition {
                case nil: break
                case .success(let parsed)?:
                    guard parsed.evaluate(context) else {
                        deniedByCondition = true
                        continue
                    }
                case .failure?:
                    // An unparseable stored condition never grants.
                    deniedByCondition = true
                    continue
                }
                return AccessDecision(allowed: true, grant: grant, deniedByCondition: false)
            }
        }
        return AccessDecision(allowed: false, grant: nil, deniedByCondition: deniedByCondition)
    }

    /// Fetches the principal's grants and decides.
    package func decide(
        principalId: String, action: String, isDataAction: Bool = false, scope: ResourceID, attributes: [String: [String]] = [:]
    ) -> AccessDecision {
        decide(grants(for: principalId), action: action, isDataAction: isDataAction, scope: scope, attributes: attributes)
    }

    /// The permission blocks of every role assigned to the principal at `scope` or above
    /// (`GET {scope}/providers/Microsoft.Authorization/permissions`).
    package func permissions(for principalId: String, at scope: ResourceID) -> [Permission] {
        grants(for: principalId).filter { $0.assignment.applies(to: scope) }.flatMap { $0.role?.permissions ?? [] }
    }
}
