import ARMCore
import Foundation
import JSON
import Synchronization

/// The emulator's Entra directory: tenants, subscriptions, service principals, users and managed
/// identities. Thread-safe; lookups compare GUIDs, domains and UPNs case-insensitively (ids are
/// stored lower-case). `reset()` returns to the seeded world: the well-known objects plus those of
/// the seed file, with the ids generated when the seed was loaded (so they stay stable).
package final class Directory: Sendable {
    /// Read with `state.withLock`; change only through `mutate`, which reports to the durability
    /// observer (a change made around it would be lost on restart with `--data-dir`).
    let state: Mutex<DirectorySnapshot>
    private let initial: DirectorySnapshot
    /// Told of every change (durability); set once by the composition root.
    private let observer = Mutex<(any DirectoryObserver)?>(nil)
    /// The seed file's `roleAssignments`, untouched, for the RBAC engine.
    package let seedRoleAssignments: [JSONValue]

    /// The well-known world only.
    package convenience init() {
        self.init(initial: .wellKnown, seedRoleAssignments: [])
    }

    init(initial: DirectorySnapshot, seedRoleAssignments: [JSONValue]) {
        self.initial = initial
        self.state = Mutex(initial)
        self.seedRoleAssignments = seedRoleAssignments
    }

    // MARK: tenants

    package var tenants: [Tenant] { state.withLock { $0.tenants } }

    package func tenant(id: String) -> Tenant? {
        let id = id.lowercasedIfNeeded
        return state.withLock { $0.tenants.first { $0.tenantId == id } }
    }

    package func tenant(domain: String) -> Tenant? {
        let domain = domain.lowercased()
        return state.withLock { $0.tenants.first { $0.defaultDomain == domain } }
    }

    /// A tenant by id or by domain, as the `{tenant}` segment of an authority URL names it.
    package func tenant(idOrDomain value: String) -> Tenant? {
        tenant(id: value) ?? tenant(domain: value)
    }

    package func isKnownTenant(_ id: String) -> Bool { tenant(id: id) != nil }

    // MARK: subscriptions

    package var subscriptions: [Subscription] { state.withLock { $0.subscriptions } }

    package func subscription(id: String) -> Subscription? {
        let id = id.lowercasedIfNeeded
        return state.withLock { $0.subscriptions.first { $0.subscriptionId == id } }
    }

    package func subscriptions(inTenant tenantId: String) -> [Subscription] {
        let tenantId = tenantId.lowercasedIfNeeded
        return state.withLock { $0.subscriptions.filter { $0.tenantId == tenantId } }
    }

    // MARK: principals

    package var servicePrincipals: [ServicePrincipal] { state.withLock { $0.servicePrincipals } }
    package var users: [User] { state.withLock { $0.users } }
    package var managedIdentities: [ManagedIdentity] { state.withLock { $0.managedIdentities } }

    package func servicePrincipal(objectId: String) -> ServicePrincipal? {
        let id = objectId.lowercasedIfNeeded
        return state.withLock { $0.servicePrincipals.first { $0.objectId == id } }
    }

    package func servicePrincipal(appId: String) -> ServicePrincipal? {
        let id = appId.lowercasedIfNeeded
        return state.withLock { $0.servicePrincipals.first { $0.appId == id } }
    }

    package func user(objectId: String) -> User? {
        let id = objectId.lowercasedIfNeeded
        return state.withLock { $0.users.first { $0.objectId == id } }
    }

    package func user(userPrincipalName upn: String) -> User? {
        let upn = upn.lowercased()
        return state.withLock { $0.users.first { $0.userPrincipalName.lowercased() == upn } }
    }

    package func managedIdentity(objectId: String) -> ManagedIdentity? {
        let id = objectId.lowercasedIfNeeded
        return state.withLock { $0.managedIdentities.first { $0.objectId == id } }
    }

    package func managedIdentity(clientId: String) -> ManagedIdentity? {
        let id = clientId.lowercasedIfNeeded
        return state.withLock { $0.managedIdentities.first { $0.clientId == id } }
    }

    /// By ARM resource id, case-insensitively (`mi_res_id`).
    package func managedIdentity(resourceId: String) -> ManagedIdentity? {
        let id = resourceId.lowercasedIfNeeded
        return state.withLock { $0.managedIdentities.first { $0.resourceId?.lowercased() == id } }
    }

    /// Any principal by object id.
    package func principal(objectId: String) -> Principal? {
        let id = objectId.lowercasedIfNeeded
        return state.withLock { state in
            if let found = state.servicePrincipals.first(where: { $0.objectId == id }) { return .servicePrincipal(found) }
            if let found = state.users.first(where: { $0.objectId == id }) { return .user(found) }
            if let found = state.managedIdentities.first(where: { $0.objectId == id }) { return .managedIdentity(found) }
            return nil
        }
    }

    // MARK: adding

    package func add(_ tenant: Tenant) throws(DirectoryError) {
        try mutate { state throws(DirectoryError) in
            try state.checkNew(tenant)
            state.tenants.append(tenant)
        }
    }

    package func add(_ subscription: Subscription) throws(DirectoryError) {
        try mutate { state throws(DirectoryError) in
            try state.checkNew(subscription)
            state.subscriptions.append(subscription)
        }
    }

    package func add(_ principal: ServicePrincipal) throws(DirectoryError) {
        try mutate { state throws(DirectoryError) in
            try state.checkNew(principal)
            state.servicePrincipals.append(principal)
        }
    }

    package func add(_ user: User) throws(DirectoryError) {
        try mutate { state throws(DirectoryError) in
            try state.checkNew(user)
            state.users.append(user)
        }
    }

    package func add(_ identity: ManagedIdentity) throws(DirectoryError) {
        try mutate { state throws(DirectoryError) in
            try state.checkNew(identity)
            state.managedIdentities.append(identity)
        }
    }

    // MARK: creating (operator API, workspaces with a system-assigned identity)

    /// A new service principal in the default tenant with fresh object and application ids and one
    /// generated secret.
    package func createServicePrincipal(displayName: String) -> ServicePrincipal {
        // The default tenant always exists and the ids are fresh, so this cannot fail.
        try! createServicePrincipal(displayName: displayName, tenantId: WellKnown.tenantId)
    }

    /// A new service principal in `tenantId`; throws when the tenant is unknown.
    package func createServicePrincipal(displayName: String, tenantId: String) throws(DirectoryError) -> ServicePrincipal {
        let principal = ServicePrincipal(
            objectId: newGUID(), appId: newGUID(), displayName: displayName, secrets: [Directory.newClientSecret()],
            tenantId: tenantId)
        try add(principal)
        return principal
    }

    /// A new user; throws when the UPN is taken or the tenant is unknown.
    package func createUser(
        upn: String, password: String, displayName: String, tenantId: String = WellKnown.tenantId
    ) throws(DirectoryError) -> User {
        let user = User(objectId: newGUID(), userPrincipalName: upn, password: password, displayName: displayName, tenantId: tenantId)
        try add(user)
        return user
    }

    /// A new managed identity in the default tenant with fresh object and client ids.
    package func createManagedIdentity(displayName: String, resourceId: String?) -> ManagedIdentity {
        try! createManagedIdentity(displayName: displayName, resourceId: resourceId, tenantId: WellKnown.tenantId)
    }

    /// A new managed identity in `tenantId`; throws when the tenant is unknown.
    package func createManagedIdentity(
        displayName: String, resourceId: String?, tenantId: String
    ) throws(DirectoryError) -> ManagedIdentity {
        let identity = ManagedIdentity(
            objectId: newGUID(), clientId: newGUID(), displayName: displayName, resourceId: resourceId, tenantId: tenantId)
        try add(identity)
        return identity
    }

    /// Adds a generated secret to a service principal and returns it.
    package func addClientSecret(appId: String) throws(DirectoryError) -> String {
        let secret = Directory.newClientSecret()
        let id = appId.lowercasedIfNeeded
        try mutate { state throws(DirectoryError) in
            guard let index = state.servicePrincipals.firstIndex(where: { $0.appId == id }) else {
                throw .notFound("Application", appId)
            }
            state.servicePrincipals[index].secrets.append(secret)
        }
        return secret
    }

    // MARK: removing

    /// Removes a service principal, user or managed identity (and its group memberships); returns
    /// what was removed.
    @discardableResult
    package func remove(objectId: String) -> Principal? {
        let id = objectId.lowercasedIfNeeded
        return mutate { state in
            for index in state.groups.indices { state.groups[index].members.removeAll { $0 == id } }
            if let index = state.servicePrincipals.firstIndex(where: { $0.objectId == id }) {
                return .servicePrincipal(state.servicePrincipals.remove(at: index))
            }
            if let index = state.users.firstIndex(where: { $0.objectId == id }) {
                return .user(state.users.remove(at: index))
            }
            if let index = state.managedIdentities.firstIndex(where: { $0.objectId == id }) {
                return .managedIdentity(state.managedIdentities.remove(at: index))
            }
            return nil
        }
    }

    @discardableResult
    package func removeSubscription(id: String) -> Subscription? {
        let id = id.lowercasedIfNeeded
        return mutate { state in
            state.subscriptions.firstIndex { $0.subscriptionId == id }.map { state.subscriptions.remove(at: $0) }
        }
    }

    /// Removes a tenant that holds nothing any more; throws while subscriptions or principals use it.
    @discardableResult
    package func removeTenant(id: String) throws(DirectoryError) -> Tenant? {
        let id = id.lowercasedIfNeeded
        return try mutate { state throws(DirectoryError) -> Tenant? in
            guard let index = state.tenants.firstIndex(where: { $0.tenantId == id }) else { return nil }
            if id == WellKnown.tenantId { throw DirectoryError("The well-known tenant '\(id)' cannot be removed.") }
            if state.isTenantInUse(id) {
                throw DirectoryError("Tenant '\(id)' still has subscriptions or principals; remove them first.")
            }
            return state.tenants.remove(at: index)
        }
    }

    // MARK: reset and snapshots

    /// Back to the seeded world.
    package func reset() {
        mutate { $0 = initial }
    }

    package func snapshot() -> DirectorySnapshot {
        state.withLock { $0 }
    }

    /// Replaces the whole directory; throws (and changes nothing) when the snapshot is inconsistent.
    package func restore(_ snapshot: DirectorySnapshot) throws(DirectoryError) {
        try snapshot.validate()
        mutate { $0 = snapshot }
    }

    /// Attaches the durability journal; from now on every change is reported with the whole new
    /// directory (it is small, and a whole value replays idempotently).
    package func setObserver(_ observer: (any DirectoryObserver)?) {
        self.observer.withLock { $0 = observer }
    }

    /// Every change goes through here: `body` runs under the lock and the observer sees the
    /// result under the same lock, so the journal's order is the directory's order.
    func mutate<T, E: Error>(_ body: (inout DirectorySnapshot) throws(E) -> T) throws(E) -> T {
        try state.withLock { (state: inout DirectorySnapshot) throws(E) -> T in
            let result = try body(&state)
            let current = state
            observer.withLock { $0?.directory(didChange: current) }
            return result
        }
    }

    // MARK: secrets

    /// A secret in the shape Entra issues them: three characters of `[A-Za-z0-9_~.]`, a digit, `Q~`
    /// and 34 of `[A-Za-z0-9_~.-]`, 40 in all (the shape secret scanners match, e.g. gitleaks'
    /// `azure-ad-client-secret` rule); not derived from anything. It never starts with `-`, which
    /// `az login -p` would take for an option.
    static func newClientSecret() -> String {
        let head = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~.")
        let tail = head + ["-"]
        var generator = SystemRandomNumberGenerator()
        func pick(_ alphabet: [Character]) -> Character { alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
        let prefix = String((0..<3).map { _ in pick(head) }) + String(Int(generator.next(upperBound: UInt64(10)))) + "Q~"
        return prefix + String((0..<34).map { _ in pick(tail) })
    }
}
