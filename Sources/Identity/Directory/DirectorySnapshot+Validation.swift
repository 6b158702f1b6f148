import Foundation

/// Consistency rules shared by `Directory.add`, `restore` and seed loading: ids are GUIDs, unique,
/// and every object's tenant exists.
extension DirectorySnapshot {
    func validate() throws(DirectoryError) {
        guard tenants.contains(where: { $0.tenantId == WellKnown.tenantId }) else {
            throw DirectoryError("The well-known tenant '\(WellKnown.tenantId)' must stay in the directory.")
        }
        var copy = DirectorySnapshot()
        for tenant in tenants {
            try copy.checkNew(tenant)
            copy.tenants.append(tenant)
        }
        for subscription in subscriptions {
            try copy.checkNew(subscription)
            copy.subscriptions.append(subscription)
        }
        for principal in servicePrincipals {
            try copy.checkNew(principal)
            copy.servicePrincipals.append(principal)
        }
        for user in users {
            try copy.checkNew(user)
            copy.users.append(user)
        }
        for identity in managedIdentities {
            try copy.checkNew(identity)
            copy.managedIdentities.append(identity)
        }
        for application in applications {
            try copy.checkNew(application)
            copy.applications.append(application)
        }
        for group in groups {
            try copy.checkNew(group)
            copy.groups.append(group)
        }
    }

    func checkNew(_ application: Application) throws(DirectoryError) {
        try Self.checkGUID(application.objectId, field: "objectId")
        try Self.checkGUID(application.appId, field: "appId")
        try checkTenant(application.tenantId)
        try checkObjectIdFree(application.objectId)
        // The service principal of an application shares its appId; two applications never do.
        if applications.contains(where: { $0.appId == application.appId }) { throw .conflict("Application", application.appId) }
    }

    func checkNew(_ group: Group) throws(DirectoryError) {
        try Self.checkGUID(group.objectId, field: "objectId")
        try checkTenant(group.tenantId)
        try checkObjectIdFree(group.objectId)
    }

    func checkNew(_ tenant: Tenant) throws(DirectoryError) {
        try Self.checkGUID(tenant.tenantId, field: "tenantId")
        if tenants.contains(where: { $0.tenantId == tenant.tenantId }) { throw .conflict("Tenant", tenant.tenantId) }
        if tenants.contains(where: { $0.defaultDomain == tenant.defaultDomain }) { throw .conflict("Domain", tenant.defaultDomain) }
    }

    func checkNew(_ subscription: Subscription) throws(DirectoryError) {
        try Self.checkGUID(subscription.subscriptionId, field: "subscriptionId")
        try checkTenant(subscription.tenantId)
        if subscriptions.contains(where: { $0.subscriptionId == subscription.subscriptionId }) {
            throw .conflict("Subscription", subscription.subscriptionId)
        }
        guard Subscription.states.contains(subscription.state) else {
            throw DirectoryError(
                "Subscription state '\(subscription.state)' is not one of \(Subscription.states.joined(separator: ", ")).")
        }
    }

    func checkNew(_ principal: ServicePrincipal) throws(DirectoryError) {
        try Self.checkGUID(principal.objectId, field: "objectId")
        try Self.checkGUID(principal.appId, field: "clientId")
        try checkTenant(principal.tenantId)
        try checkObjectIdFree(principal.objectId)
        try checkClientIdFree(principal.appId)
    }

    func checkNew(_ user: User) throws(DirectoryError) {
        try Self.checkGUID(user.objectId, field: "objectId")
        try checkTenant(user.tenantId)
        try checkObjectIdFree(user.objectId)
        guard user.userPrincipalName.contains("@") else {
            throw DirectoryError("User principal name '\(user.userPrincipalName)' must have the form name@domain.")
        }
        let upn = user.userPrincipalName.lowercased()
        if users.contains(where: { $0.userPrincipalName.lowercased() == upn }) { throw .conflict("User", user.userPrincipalName) }
    }

    func checkNew(_ identity: ManagedIdentity) throws(DirectoryError) {
        try Self.checkGUID(identity.objectId, field: "objectId")
        try Self.checkGUID(identity.clientId, field: "clientId")
        try checkTenant(identity.tenantId)
        try checkObjectIdFree(identity.objectId)
        try checkClientIdFree(identity.clientId)
    }

    func isTenantInUse(_ id: String) -> Bool {
        subscriptions.contains { $0.tenantId == id } || servicePrincipals.contains { $0.tenantId == id }
            || users.contains { $0.tenantId == id } || managedIdentities.contains { $0.tenantId == id }
            || applications.contains { $0.tenantId == id } || groups.contains { $0.tenantId == id }
    }

    private func checkTenant(_ id: String) throws(DirectoryError) {
        guard tenants.contains(where: { $0.tenantId == id }) else {
            throw DirectoryError("tenantId '\(id)' names no tenant in the directory.")
        }
    }

    private func checkObjectIdFree(_ id: String) throws(DirectoryError) {
        if servicePrincipals.contains(where: { $0.objectId == id }) || users.contains(where: { $0.objectId == id })
            || managedIdentities.contains(where: { $0.objectId == id }) || applications.contains(where: { $0.objectId == id })
            || groups.contains(where: { $0.objectId == id })
        {
            throw .conflict("Object id", id)
        }
    }

    private func checkClientIdFree(_ id: String) throws(DirectoryError) {
        if servicePrincipals.contains(where: { $0.appId == id }) || managedIdentities.contains(where: { $0.clientId == id }) {
            throw .conflict("Client id", id)
        }
    }

    static func checkGUID(_ value: String, field: String) throws(DirectoryError) {
        guard UUID(uuidString: value) != nil else {
            throw DirectoryError("\(field) '\(value)' is not a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).")
        }
    }
}
