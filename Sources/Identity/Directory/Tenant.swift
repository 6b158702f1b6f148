/// An Entra tenant (directory). ARM lists it under `/tenants`; tokens carry its id as `tid`.
package struct Tenant: Sendable, Codable, Equatable {
    package var tenantId: String
    package var displayName: String
    /// `{name}.onmicrosoft.com`; the token endpoint accepts it in place of the tenant id.
    package var defaultDomain: String

    package init(tenantId: String, displayName: String, defaultDomain: String) {
        self.tenantId = tenantId.lowercased()
        self.displayName = displayName
        self.defaultDomain = defaultDomain.lowercased()
    }
}
