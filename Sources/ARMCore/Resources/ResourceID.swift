/// An ARM resource id (or scope):
/// `/subscriptions/{s}[/resourceGroups/{rg}][/providers/{Namespace}/{type}/{name}[/{childType}/{childName}…]]…`
/// where every further `/providers/{ns}/{type}/{name}` segment makes an extension resource on the
/// scope before it (role assignments on an account, for example), and `/` alone is the tenant root.
///
/// Literal segments match case-insensitively and print canonically (`resourceGroups`,
/// `providers`); names, namespaces and types keep the casing they were given (RPC
/// common-api-details "Case Insensitivity"; docs/azure-behaviours.md "Case-insensitivity and names"). Equality and hashing use `key`, the
/// lower-cased form, so two spellings of one resource are the same id.
package struct ResourceID: Sendable, Hashable, CustomStringConvertible {
    /// One `/providers/{namespace}/{type}/{name}[/{type}/{name}…]` run.
    package struct ProviderSegment: Sendable, Equatable {
        package var namespace: String
        package var types: [String]
        package var names: [String]

        package init(namespace: String, types: [String], names: [String]) {
            precondition(!types.isEmpty && types.count == names.count, "a provider segment needs type/name pairs")
            self.namespace = namespace
            self.types = types
            self.names = names
        }
    }

    package let subscriptionID: String?
    package let resourceGroup: String?
    package let providers: [ProviderSegment]
    /// Canonical text: `/subscriptions/…/resourceGroups/…/providers/…`.
    package let description: String
    /// `description` lower-cased: the identity of the resource (dictionary keys, store index).
    package let key: String

    package init(subscriptionID: String?, resourceGroup: String? = nil, providers: [ProviderSegment] = []) {
        precondition(resourceGroup == nil || subscriptionID != nil, "a resource group needs a subscription")
        self.subscriptionID = subscriptionID
        self.resourceGroup = resourceGroup
        self.providers = providers
        var length = 0
        if let subscriptionID { length += 15 + subscriptionID.utf8.count }
        if let resourceGroup { length += 16 + resourceGroup.utf8.count }
        for provider in providers {
            length += 11 + provider.namespace.utf8.count
            for (type, name) in zip(provider.types, provider.names) { length += 2 + type.utf8.count + name.utf8.count }
        }
        // Sized once: appending piecemeal leaves the text with up to twice the room it needs, and
        // a stored id keeps its text (and the key) for as long as the resource lives.
        var text = ""
        if length > 15 { text.reserveCapacity(length) }
        // Piece by piece into the sized text: `"/subscriptions/" + id` made a temporary string
        // first (two allocations per id built on the request path, perf).
        if let subscriptionID {
            text += "/subscriptions/"
            text += subscriptionID
        }
        if let resourceGroup {
            text += "/resourceGroups/"
            text += resourceGroup
        }
        for provider in providers {
            text += "/providers/"
            text += provider.namespace
            for (type, name) in zip(provider.types, provider.names) {
                text += "/"
                text += type
                text += "/"
                text += name
            }
        }
        self.description = text.isEmpty ? "/" : text
        self.key = description.lowercased()
    }

    /// The same id with `shared`, an equal string, as its subscription id (the store keeps one
    /// copy of each).
    func sharing(subscriptionID shared: String) -> ResourceID {
        ResourceID(subscriptionID: shared, resourceGroup: resourceGroup, providers: providers, description: description, key: key)
    }

    private init(subscriptionID: String?, resourceGroup: String?, providers: [ProviderSegment], description: String, key: String) {
        self.subscriptionID = subscriptionID
        self.resourceGroup = resourceGroup
        self.providers = providers
        self.description = description
        self.key = key
    }

    /// An id whose text is `parent`'s plus `suffix` (which starts with `/`): no re-rendering of the
    /// parent's segments (`child` and `appending` run several times per request).
    init(extending parent: ResourceID, providers: [ProviderSegment], suffix: String) {
        subscriptionID = parent.subscriptionID
        resourceGroup = parent.resourceGroup
        self.providers = providers
        description = (parent.description == "/" ? "" : parent.description) + suffix
        key = (parent.key == "/" ? "" : parent.key) + suffix.lowercased()
    }

    /// A resource in one provider namespace: `types`/`names` are the type chain and the names, e.g.
    /// `["accounts", "deployments"]` and `["acct1", "gpt4o"]`.
    package init(subscriptionID: String, resourceGroup: String? = nil, namespace: String, types: [String], names: [String]) {
        self.init(
            subscriptionID: subscriptionID, resourceGroup: resourceGroup,
            providers: [ProviderSegment(namespace: namespace, types: types, names: names)])
    }

    /// `/` (tenant root scope).
    package static let tenantRoot = ResourceID(subscriptionID: nil)

    /// `/subscriptions/{id}`.
    package static func subscription(_ id: String) -> ResourceID { ResourceID(subscriptionID: id) }

    /// `/subscriptions/{subscriptionID}/resourceGroups/{name}`.
    package static func resourceGroup(subscriptionID: String, name: String) -> ResourceID {
        ResourceID(subscriptionID: subscriptionID, resourceGroup: name)
    }

    package static func == (lhs: ResourceID, rhs: ResourceID) -> Bool { lhs.key == rhs.key }
    package func hash(into hasher: inout Hasher) { hasher.combine(key) }
}
