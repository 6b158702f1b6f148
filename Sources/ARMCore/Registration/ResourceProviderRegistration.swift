/// What a resource provider namespace declares about itself: its resource types, their
/// api-versions (newest first, as `az resource` resolves versions from this order) and locations.
/// Each provider module contributes one; Microsoft.Resources serves them at
/// `GET /subscriptions/{s}/providers`.
package struct ResourceProviderRegistration: Sendable {
    package struct ResourceType: Sendable {
        package var name: String
        package var apiVersions: [String]
        /// Region names (`eastus`); empty for global or location-less types.
        package var locations: [String]
        package var capabilities: String?

        package init(name: String, apiVersions: [String], locations: [String] = [], capabilities: String? = nil) {
            self.name = name
            self.apiVersions = apiVersions
            self.locations = locations
            self.capabilities = capabilities
        }
    }

    package var namespace: String
    package var resourceTypes: [ResourceType]

    package init(namespace: String, resourceTypes: [ResourceType]) {
        self.namespace = namespace
        self.resourceTypes = resourceTypes
    }
}
