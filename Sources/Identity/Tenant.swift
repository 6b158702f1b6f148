/// An Entra tenant (directory). ARM lists it under `/tenants`; tokens carry its id as `tid`.
public struct Tenant: Sendable, Codable, Equatable {
    public var tenantId: String
    public var displayName: String
    /// `{name}.onmicrosoft.com`; the token endpoint accepts it in place of the tenant id.
    public var defaultDomain: String

    public init(tenantId: String, displayName: String, defaultDomain: String) {
        self.tenantId = tenantId.lowercased()
        self.displayName = displayName
        self.defaultDomain = defaultDomain.lowercased()
    }
}
