/// Everything the directory holds, as plain values: the `Codable` form of `Directory.snapshot()`
/// and `Directory.restore(_:)` (durable state, `/_emulator/state`).
package struct DirectorySnapshot: Sendable, Codable, Equatable {
    package var tenants: [Tenant]
    package var subscriptions: [Subscription]
    package var servicePrincipals: [ServicePrincipal]
    package var users: [User]
    package var managedIdentities: [ManagedIdentity]
    /// Application registrations made through Graph (`az ad app create`, `az ad sp create-for-rbac`).
    package var applications: [Application]
    package var groups: [Group]

    package init(
        tenants: [Tenant] = [], subscriptions: [Subscription] = [], servicePrincipals: [ServicePrincipal] = [],
        users: [User] = [], managedIdentities: [ManagedIdentity] = [], applications: [Application] = [], groups: [Group] = []
    ) {
        self.tenants = tenants
        self.subscriptions = subscriptions
        self.servicePrincipals = servicePrincipals
        self.users = users
        self.managedIdentities = managedIdentities
        self.applications = applications
        self.groups = groups
    }

    enum CodingKeys: String, CodingKey {
        case tenants, subscriptions, servicePrincipals, users, managedIdentities, applications, groups
    }

    /// Snapshots journaled before applications and groups existed decode with none.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tenants = try container.decode([Tenant].self, forKey: .tenants)
        subscriptions = try container.decode([Subscription].self, forKey: .subscriptions)
        servicePrincipals = try container.decode([ServicePrincipal].self, forKey: .servicePrincipals)
        users = try container.decode([User].self, forKey: .users)
        managedIdentities = try container.decode([ManagedIdentity].self, forKey: .managedIdentities)
        applications = try container.decodeIfPresent([Application].self, forKey: .applications) ?? []
        groups = try container.decodeIfPresent([Group].self, forKey: .groups) ?? []
    }

    /// The well-known world alone (`WellKnown`).
    package static var wellKnown: DirectorySnapshot {
        DirectorySnapshot(
            tenants: [
                Tenant(tenantId: WellKnown.tenantId, displayName: WellKnown.tenantDisplayName, defaultDomain: WellKnown.tenantDomain)
            ],
            subscriptions: [
                Subscription(
                    subscriptionId: WellKnown.subscriptionId, tenantId: WellKnown.tenantId,
                    displayName: WellKnown.subscriptionDisplayName, state: WellKnown.subscriptionState)
            ],
            servicePrincipals: [
                ServicePrincipal(
                    objectId: WellKnown.operatorObjectId, appId: WellKnown.operatorClientId, displayName: WellKnown.operatorDisplayName,
                    secrets: [WellKnown.operatorClientSecret], tenantId: WellKnown.tenantId),
                // No secret: only the emulator mints its tokens (hub control-plane proxy).
                ServicePrincipal(
                    objectId: WellKnown.hubProxyObjectId, appId: WellKnown.hubProxyClientId, displayName: WellKnown.hubProxyDisplayName,
                    secrets: [], tenantId: WellKnown.tenantId),
            ],
            users: [
                User(
                    objectId: WellKnown.userObjectId, userPrincipalName: WellKnown.userPrincipalName, password: WellKnown.userPassword,
                    displayName: WellKnown.userDisplayName, tenantId: WellKnown.tenantId)
            ],
            managedIdentities: [
                ManagedIdentity(
                    objectId: WellKnown.managedIdentityObjectId, clientId: WellKnown.managedIdentityClientId,
                    displayName: WellKnown.managedIdentityDisplayName, resourceId: WellKnown.managedIdentityResourceId,
                    tenantId: WellKnown.tenantId)
            ])
    }
}
