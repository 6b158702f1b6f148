/// Where an id sits: its type, name, parent and scope.
extension ResourceID {
    package enum Level: Sendable, Equatable {
        case tenant
        case subscription
        case resourceGroup
        case resource
    }

    package var level: Level {
        if !providers.isEmpty { return .resource }
        if resourceGroup != nil { return .resourceGroup }
        if subscriptionID != nil { return .subscription }
        return .tenant
    }

    /// The namespace of the innermost provider segment; `Microsoft.Resources` for subscriptions
    /// and resource groups, which ARM itself serves; nil for the tenant root.
    package var namespace: String? {
        if let last = providers.last { return last.namespace }
        return level == .tenant ? nil : "Microsoft.Resources"
    }

    /// The type chain, e.g. `["accounts", "deployments"]`; `["resourceGroups"]` and
    /// `["subscriptions"]` for the ARM-owned levels.
    package var types: [String] {
        if let last = providers.last { return last.types }
        switch level {
        case .resourceGroup: return ["resourceGroups"]
        case .subscription: return ["subscriptions"]
        default: return []
        }
    }

    /// The names along the type chain, e.g. `["acct1", "gpt4o"]`.
    package var names: [String] {
        if let last = providers.last { return last.names }
        if let resourceGroup { return [resourceGroup] }
        if let subscriptionID { return [subscriptionID] }
        return []
    }

    /// `Microsoft.CognitiveServices/accounts/deployments`; `""` for the tenant root.
    package var fullType: String {
        guard let namespace else { return "" }
        // Appended into one reserved string: `([namespace] + types).joined` built an array and
        // went through the generic `joined`, 2,800 instructions on every write (callgrind).
        let types = types
        var result = namespace
        result.reserveCapacity(types.reduce(namespace.utf8.count) { $0 + 1 + $1.utf8.count })
        for type in types {
            result.append("/")
            result.append(type)
        }
        return result
    }

    /// The last name (the resource's own name).
    package var name: String { names.last ?? "" }

    /// `Microsoft.CognitiveServices/accounts/acct1/deployments/gpt4o`: how ARM names a resource in
    /// `ResourceNotFound` messages and error targets.
    package var qualifiedName: String {
        guard let namespace else { return "" }
        var parts = [namespace]
        for (type, name) in zip(types, names) { parts += [type, name] }
        return parts.joined(separator: "/")
    }

    /// The next id up: the parent resource of a child, else the scope the resource lives in
    /// (resource group, subscription or, for extension resources, the extended resource).
    /// Nil for the tenant root.
    package var parent: ResourceID? {
        guard var last = providers.last else {
            if resourceGroup != nil { return ResourceID(subscriptionID: subscriptionID) }
            if subscriptionID != nil { return .tenantRoot }
            return nil
        }
        if last.types.count > 1 {
            last.types.removeLast()
            last.names.removeLast()
            return ResourceID(subscriptionID: subscriptionID, resourceGroup: resourceGroup, providers: providers.dropLast() + [last])
        }
        return scope
    }

    /// The scope the innermost provider segment applies to: the resource group, the subscription,
    /// the tenant root, or the extended resource. For a subscription or resource group: its parent.
    package var scope: ResourceID? {
        guard !providers.isEmpty else { return parent }
        return ResourceID(subscriptionID: subscriptionID, resourceGroup: resourceGroup, providers: Array(providers.dropLast()))
    }

    /// True for `{resource}/providers/{ns}/{type}/{name}` (an extension on a resource).
    package var isExtensionResource: Bool { providers.count > 1 }

    /// True when `other` is strictly below this id (a child, grandchild or extension).
    package func isAncestor(of other: ResourceID) -> Bool {
        if self == .tenantRoot { return other != .tenantRoot }
        // Bytes first, with no `key + "/"` built for every check (RBAC asks for each assignment on
        // every request): equal bytes are equal text. Unequal bytes decide it too when both keys
        // are ASCII (keys are lower-cased, so ASCII ones are lower-case ASCII); other keys keep
        // String's Unicode comparison.
        if other.key.hasBytePrefix(key, followedBy: UInt8(ascii: "/")) { return true }
        if key.isLowercaseASCII && other.key.isLowercaseASCII { return false }
        return other.key.hasPrefix(key + "/")
    }

    /// A child of this resource in the same namespace: `…/accounts/a` + `deployments`, `d`.
    /// On a subscription or resource group use `appending(namespace:type:name:)`.
    package func child(type: String, name: String) -> ResourceID {
        guard var last = providers.last else {
            preconditionFailure("child(type:name:) needs a provider resource; use appending(namespace:type:name:)")
        }
        last.types.append(type)
        last.names.append(name)
        return ResourceID(extending: self, providers: providers.dropLast() + [last], suffix: "/" + type + "/" + name)
    }

    /// A resource of `namespace/type` at this scope: a top-level resource under a resource group or
    /// subscription, or an extension resource under a resource.
    package func appending(namespace: String, type: String, name: String) -> ResourceID {
        ResourceID(
            extending: self, providers: providers + [ProviderSegment(namespace: namespace, types: [type], names: [name])],
            suffix: "/providers/" + namespace + "/" + type + "/" + name)
    }

    /// The resource of `type` this id is or lies under, in its innermost provider segment:
    /// `…/accounts/a` for `…/accounts/a/deployments/d` and `enclosing("accounts")`. A route's
    /// handler asks for a type its pattern has; any other type is a programming error and stops
    /// the process loudly, as `RouteParameters.required` does.
    package func enclosing(_ type: String) -> ResourceID {
        guard var last = providers.last, let index = last.types.firstIndex(where: { $0.lowercased() == type.lowercased() }) else {
            preconditionFailure("'\(description)' is not of or under a resource of type '\(type)'.")
        }
        last.types.removeSubrange((index + 1)...)
        last.names.removeSubrange((index + 1)...)
        return ResourceID(subscriptionID: subscriptionID, resourceGroup: resourceGroup, providers: providers.dropLast() + [last])
    }

    /// The resource group id this resource lives in, if any.
    package var resourceGroupID: ResourceID? {
        guard let subscriptionID, let resourceGroup else { return nil }
        // A resource group's own id is its group's id: no second id built (this runs several
        // times per request).
        if providers.isEmpty { return self }
        return .resourceGroup(subscriptionID: subscriptionID, name: resourceGroup)
    }
}
