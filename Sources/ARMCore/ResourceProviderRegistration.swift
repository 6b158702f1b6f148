/// What a resource provider namespace declares about itself: its resource types, their
/// api-versions (newest first, as `az resource` resolves versions from this order) and locations.
/// Each provider module contributes one; Microsoft.Resources serves them at
/// `GET /subscriptions/{s}/providers`.
public struct ResourceProviderRegistration: Sendable {
    public struct ResourceType: Sendable {
        public var name: String
        public var apiVersions: [String]
        /// Region names (`eastus`); empty for global or location-less types.
        public var locations: [String]
        public var capabilities: String?

        public init(name: String, apiVersions: [String], locations: [String] = [], capabilities: String? = nil) {
            self.name = name
            self.apiVersions = apiVersions
            self.locations = locations
            self.capabilities = capabilities
        }
    }

    public var namespace: String
    public var resourceTypes: [ResourceType]

    public init(namespace: String, resourceTypes: [ResourceType]) {
        self.namespace = namespace
        self.resourceTypes = resourceTypes
    }
}
