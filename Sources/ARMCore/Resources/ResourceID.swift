import EmulatorHTTP

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
        guard length > 0 else {
            description = "/"
            key = "/"
            return
        }
        // Written once into a string of its exact size: a stored id keeps its text (and the key) for
        // as long as the resource lives, and appending piece by piece cost a tenth of a PUT's
        // instructions across the ids a request builds (callgrind).
        let text = String(unsafeUninitializedCapacity: length) { buffer in
            var written = 0
            func put(_ piece: String) {
                piece.withUTF8Bytes { bytes in
                    guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
                    (target + written).update(from: source, count: bytes.count)
                    written += bytes.count
                }
            }
            if let subscriptionID {
                put("/subscriptions/")
                put(subscriptionID)
            }
            if let resourceGroup {
                put("/resourceGroups/")
                put(resourceGroup)
            }
            for provider in providers {
                put("/providers/")
                put(provider.namespace)
                for (type, name) in zip(provider.types, provider.names) {
                    put("/")
                    put(type)
                    put("/")
                    put(name)
                }
            }
            return written
        }
        self.description = text
        self.key = text.lowercasedIfNeeded
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
        key = (parent.key == "/" ? "" : parent.key) + suffix.lowercasedIfNeeded
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
