import ARMCore
import Foundation

extension Directory {
    /// The well-known world plus the seed's objects. Generated ids are fixed here, once, so that
    /// `reset()` brings back the same ids. Errors name the entry, e.g. `subscriptions[1].tenantId`.
    package convenience init(seed: DirectorySeed) throws(DirectoryError) {
        var world = DirectorySnapshot.wellKnown
        func fail(_ path: String, _ error: DirectoryError) -> DirectoryError {
            DirectoryError("Invalid seed file: \(path): \(error.message)")
        }
        func tenantId(_ value: String?) -> String { value ?? WellKnown.tenantId }

        for (index, entry) in seed.tenants.enumerated() {
            let tenant = Tenant(
                tenantId: entry.tenantId ?? newGUID(), displayName: entry.displayName,
                defaultDomain: entry.defaultDomain ?? Directory.defaultDomain(for: entry.displayName))
            do { try world.checkNew(tenant) } catch { throw fail("tenants[\(index)]", error) }
            world.tenants.append(tenant)
        }
        for (index, entry) in seed.subscriptions.enumerated() {
            let subscription = Subscription(
                subscriptionId: entry.subscriptionId ?? newGUID(), tenantId: tenantId(entry.tenantId),
                displayName: entry.displayName, state: entry.state ?? "Enabled")
            do { try world.checkNew(subscription) } catch { throw fail("subscriptions[\(index)]", error) }
            world.subscriptions.append(subscription)
        }
        for (index, entry) in seed.servicePrincipals.enumerated() {
            let principal = ServicePrincipal(
                objectId: entry.objectId ?? newGUID(), appId: entry.clientId ?? newGUID(), displayName: entry.displayName,
                secrets: [entry.clientSecret ?? Directory.newClientSecret()], tenantId: tenantId(entry.tenantId))
            do { try world.checkNew(principal) } catch { throw fail("servicePrincipals[\(index)]", error) }
            world.servicePrincipals.append(principal)
        }
        for (index, entry) in seed.users.enumerated() {
            let user = User(
                objectId: entry.objectId ?? newGUID(), userPrincipalName: entry.userPrincipalName, password: entry.password,
                displayName: entry.displayName ?? String(entry.userPrincipalName.prefix { $0 != "@" }),
                tenantId: tenantId(entry.tenantId))
            do { try world.checkNew(user) } catch { throw fail("users[\(index)]", error) }
            world.users.append(user)
        }
        for (index, entry) in seed.managedIdentities.enumerated() {
            let identity = ManagedIdentity(
                objectId: entry.objectId ?? newGUID(), clientId: entry.clientId ?? newGUID(), displayName: entry.displayName,
                resourceId: entry.resourceId, tenantId: tenantId(entry.tenantId))
            do { try world.checkNew(identity) } catch { throw fail("managedIdentities[\(index)]", error) }
            world.managedIdentities.append(identity)
        }
        self.init(initial: world, seedRoleAssignments: seed.roleAssignments)
    }

    /// `--seed FILE`: the well-known world plus the file's objects; nil gives the well-known world.
    package convenience init(seedPath path: String?) throws(DirectoryError) {
        guard let path else {
            self.init()
            return
        }
        try self.init(seed: DirectorySeed(contentsOf: path))
    }

    /// `Contoso Ltd` -> `contosoltd.onmicrosoft.com`, as Entra derives initial domains.
    static func defaultDomain(for displayName: String) -> String {
        let name = displayName.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return (name.isEmpty ? "tenant" : name) + ".onmicrosoft.com"
    }
}
