/// Anything that can hold a token: what `IdentityService.issueToken(for:audience:)` mints for.
public enum Principal: Sendable, Equatable {
    case servicePrincipal(ServicePrincipal)
    case user(User)
    case managedIdentity(ManagedIdentity)

    public var objectId: String {
        switch self {
        case .servicePrincipal(let principal): principal.objectId
        case .user(let user): user.objectId
        case .managedIdentity(let identity): identity.objectId
        }
    }

    public var tenantId: String {
        switch self {
        case .servicePrincipal(let principal): principal.tenantId
        case .user(let user): user.tenantId
        case .managedIdentity(let identity): identity.tenantId
        }
    }

    public var displayName: String {
        switch self {
        case .servicePrincipal(let principal): principal.displayName
        case .user(let user): user.displayName
        case .managedIdentity(let identity): identity.displayName
        }
    }
}
