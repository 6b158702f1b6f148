/// Anything that can hold a token: what `IdentityService.issueToken(for:audience:)` mints for.
package enum Principal: Sendable, Equatable {
    case servicePrincipal(ServicePrincipal)
    case user(User)
    case managedIdentity(ManagedIdentity)

    package var objectId: String {
        switch self {
        case .servicePrincipal(let principal): principal.objectId
        case .user(let user): user.objectId
        case .managedIdentity(let identity): identity.objectId
        }
    }

    package var tenantId: String {
        switch self {
        case .servicePrincipal(let principal): principal.tenantId
        case .user(let user): user.tenantId
        case .managedIdentity(let identity): identity.tenantId
        }
    }

    package var displayName: String {
        switch self {
        case .servicePrincipal(let principal): principal.displayName
        case .user(let user): user.displayName
        case .managedIdentity(let identity): identity.displayName
        }
    }
}
