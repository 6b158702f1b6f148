/// The `{tenant}` segment of an authority URL: a tenant id, one of its domains, or one of Entra's
/// multi-tenant aliases. `organizations` and `common` resolve to the signing-in account's home tenant.
enum Authority: Sendable, Equatable {
    case tenant(Tenant)
    case organizations
    case common

    /// `consumers` (Microsoft accounts) has no tenant here, so it is "not found" like any unknown name.
    static func resolve(_ segment: String, in directory: Directory, error: String = "invalid_request") throws(EntraError) -> Authority {
        switch segment.lowercased() {
        case "organizations": return .organizations
        case "common": return .common
        default:
            guard let tenant = directory.tenant(idOrDomain: segment) else { throw .tenantNotFound(segment, error: error) }
            return .tenant(tenant)
        }
    }

    /// The named tenant, if the segment named one.
    var tenant: Tenant? {
        if case .tenant(let tenant) = self { return tenant }
        return nil
    }

    /// The path segment that stands for this authority in URLs we hand out (tenant id, not domain).
    var pathSegment: String {
        switch self {
        case .tenant(let tenant): tenant.tenantId
        case .organizations: "organizations"
        case .common: "common"
        }
    }
}
